using Appliance.Telephony.Media;

namespace Appliance.Telephony.Analog;

/// <summary>
/// The call-progress tones of one country's exchanges as the box listens for them when it dials out: dial tone and
/// ringback by frequency, busy and congestion by frequency and cadence.
/// </summary>
/// <param name="DialTone">Dial tone's frequencies (the second 0 when single).</param>
/// <param name="Ringback">Ringback's frequencies.</param>
/// <param name="Busy">Busy tone, as the disconnect supervision uses it too.</param>
/// <param name="Congestion">Congestion (reorder, number unobtainable).</param>
public sealed record ExchangeToneSet(
    (double F1, double F2) DialTone, (double F1, double F2) Ringback, CallProgressToneProfile Busy, CallProgressToneProfile Congestion)
{
    /// <summary>Every frequency of the set: energy there is the exchange talking, not the far end.</summary>
    public IReadOnlyList<double> ProgressFrequencies { get; } =
        [.. new[] { DialTone.F1, DialTone.F2, Ringback.F1, Ringback.F2, Busy.Frequency1Hz, Busy.Frequency2Hz, Congestion.Frequency1Hz, Congestion.Frequency2Hz }
            .Where(f => f > 0).Distinct()];

    /// <summary>The tones of a country (CN, US or CA, EU, GB or UK).</summary>
    /// <exception cref="ArgumentException">The country's tones are not known.</exception>
    public static ExchangeToneSet For(string country) => country.ToUpperInvariant() switch
    {
        // YDN 065: 450 Hz for all; congestion 700 ms on, 700 ms off.
        "CN" => new((450, 0), (450, 0), CallProgressToneProfile.China, CongestionProfile("ChinaCongestion", 450, 0, 700, 700)),
        // ANSI T1.401: precise dial tone, audible ringing and reorder (busy's pair at twice the rate).
        "US" or "CA" => new((350, 440), (440, 480), CallProgressToneProfile.NorthAmerica, CongestionProfile("NorthAmericaReorder", 480, 620, 250, 250)),
        // CEPT E.180: 425 Hz, congestion 250 ms on, 250 ms off.
        "EU" => new((425, 0), (425, 0), CallProgressToneProfile.Europe, CongestionProfile("EuropeCongestion", 425, 0, 250, 250)),
        "GB" or "UK" => new((350, 450), (400, 450), CallProgressToneProfile.Europe, CongestionProfile("UnitedKingdomCongestion", 400, 0, 400, 350)),
        _ => throw new ArgumentException($"No call-progress tones are known for country '{country}'.", nameof(country)),
    };

    private static CallProgressToneProfile CongestionProfile(string name, double f1, double f2, int onMs, int offMs)
        => new(name, f1, f2, TimeSpan.FromMilliseconds(onMs), TimeSpan.FromMilliseconds(offMs));
}
