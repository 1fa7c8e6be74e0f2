namespace Appliance.Drivers.Simulated;

/// <summary>The tones and ring pattern of one country's exchanges.</summary>
/// <param name="Code">The setting value, e.g. "CN".</param>
/// <param name="Name">A readable name.</param>
/// <param name="RingCadence">How the line rings.</param>
/// <param name="DialTone">What the box hears when it seizes an idle line.</param>
/// <param name="BusyTone">What the box hears after the far end hangs up, or when the number it dialled is busy.</param>
/// <param name="RingbackTone">What the box hears while the number it dialled rings.</param>
/// <param name="CongestionTone">What the box hears when the number it dialled cannot be reached (unknown number).</param>
public sealed record ExchangeCountry(
    string Code, string Name, RingCadence RingCadence, CallProgressTone DialTone, CallProgressTone BusyTone,
    CallProgressTone RingbackTone, CallProgressTone CongestionTone)
{
    private static readonly ExchangeCountry China = new(
        "CN", "China", RingCadence.China,
        CallProgressTone.Continuous(450, 0, -10),
        Cadenced(450, 0, -10, 350, 350),
        Cadenced(450, 0, -10, 1000, 4000),
        Cadenced(450, 0, -10, 700, 700));

    // ANSI T1.401 levels: dial tone -13 dBm0 per frequency, busy tone -24 dBm0 per frequency.
    private static readonly ExchangeCountry NorthAmerica = new(
        "US", "North America", RingCadence.NorthAmerica,
        CallProgressTone.Continuous(350, 440, -13),
        Cadenced(480, 620, -24, 500, 500),
        Cadenced(440, 480, -19, 2000, 4000),
        Cadenced(480, 620, -24, 250, 250));

    // BT's own busy tone is 400 Hz; the simulator uses the CEPT 425 Hz with the UK 375/375 ms cadence, which a
    // UK-configured detector accepts within its frequency tolerance. A tone here has one on/off pair, so the UK's double
    // ringback (0.4/0.2/0.4/2.0 s) is rendered as one 1 s burst per 3 s and its congestion tone as its first pair.
    private static readonly ExchangeCountry UnitedKingdom = new(
        "GB", "United Kingdom", RingCadence.UnitedKingdom,
        CallProgressTone.Continuous(350, 450, -13),
        Cadenced(425, 0, -13, 375, 375),
        Cadenced(400, 450, -19, 1000, 2000),
        Cadenced(400, 0, -13, 400, 350));

    private static readonly ExchangeCountry Europe = new(
        "EU", "Europe (CEPT)", RingCadence.Europe,
        CallProgressTone.Continuous(425, 0, -13),
        Cadenced(425, 0, -13, 500, 500),
        Cadenced(425, 0, -13, 1000, 4000),
        Cadenced(425, 0, -13, 250, 250));

    private static readonly Dictionary<string, ExchangeCountry> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CN"] = China,
        ["US"] = NorthAmerica,
        ["CA"] = NorthAmerica with { Code = "CA" },
        ["GB"] = UnitedKingdom,
        ["UK"] = UnitedKingdom with { Code = "UK" },
        ["EU"] = Europe,
    };

    /// <summary>Every accepted country code.</summary>
    public static IReadOnlyCollection<string> SupportedCodes { get; } = [.. ByCode.Keys];

    /// <summary>Whether <paramref name="code"/> names a supported country (case-insensitive).</summary>
    public static bool IsSupported(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The country for <paramref name="code"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The code is not supported; the message lists the ones that are.</exception>
    public static ExchangeCountry For(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out var country)
            ? country
            : throw new ArgumentException($"Country '{code}' is not supported; use one of {string.Join(", ", SupportedCodes)}.", nameof(code));
    }

    private static CallProgressTone Cadenced(double f1, double f2, double level, int onMs, int offMs)
        => new(f1, f2, level, TimeSpan.FromMilliseconds(onMs), TimeSpan.FromMilliseconds(offMs));
}
