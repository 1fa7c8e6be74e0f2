namespace Appliance.Telephony.Media;

/// <summary>
/// A cadenced call-progress tone (busy tone) to watch for: one or two frequencies switched on and off, with tolerances.
/// <see cref="CyclesNeeded"/> full on/off cycles in cadence confirm it.
/// </summary>
/// <param name="Name">Name for logs and configuration.</param>
/// <param name="Frequency1Hz">First frequency.</param>
/// <param name="Frequency2Hz">Second frequency, or 0 for a single-frequency tone.</param>
/// <param name="On">Tone-on time of one cycle.</param>
/// <param name="Off">Silence of one cycle.</param>
/// <param name="FrequencyTolerancePercent">How far each frequency may be off, in percent (0.5..10).</param>
/// <param name="TimingTolerancePercent">How far on and off times may be off, in percent (5..50; never under 40 ms).</param>
/// <param name="CyclesNeeded">On/off cycles in cadence before the tone counts as detected (1..10).</param>
/// <param name="MinimumLevelDbm0">Weakest tone (each frequency) that counts, in dBm0 (-60..-10).</param>
public sealed record CallProgressToneProfile(
    string Name,
    double Frequency1Hz,
    double Frequency2Hz,
    TimeSpan On,
    TimeSpan Off,
    double FrequencyTolerancePercent = 3,
    double TimingTolerancePercent = 20,
    int CyclesNeeded = 2,
    double MinimumLevelDbm0 = -40)
{
    /// <summary>China busy tone: 450 Hz, 350 ms on, 350 ms off.</summary>
    public static CallProgressToneProfile China { get; } =
        new("China", 450, 0, TimeSpan.FromMilliseconds(350), TimeSpan.FromMilliseconds(350));

    /// <summary>North American busy tone: 480 + 620 Hz, 500 ms on, 500 ms off.</summary>
    public static CallProgressToneProfile NorthAmerica { get; } =
        new("NorthAmerica", 480, 620, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));

    /// <summary>European (CEPT) busy tone: 425 Hz, 500 ms on, 500 ms off.</summary>
    public static CallProgressToneProfile Europe { get; } =
        new("Europe", 425, 0, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        Check(double.IsFinite(Frequency1Hz) && Frequency1Hz is > 0 and < 4000, nameof(Frequency1Hz), Frequency1Hz, "above 0 and below 4000 Hz");
        Check(Frequency2Hz == 0 || (double.IsFinite(Frequency2Hz) && Frequency2Hz is > 0 and < 4000 && Math.Abs(Frequency2Hz - Frequency1Hz) >= 50),
            nameof(Frequency2Hz), Frequency2Hz, "0, or below 4000 Hz and at least 50 Hz from the first frequency");
        Check(On >= TimeSpan.FromMilliseconds(50) && On <= TimeSpan.FromSeconds(10), nameof(On), On, "between 50 ms and 10 s");
        Check(Off >= TimeSpan.FromMilliseconds(50) && Off <= TimeSpan.FromSeconds(10), nameof(Off), Off, "between 50 ms and 10 s");
        Check(FrequencyTolerancePercent is >= 0.5 and <= 10, nameof(FrequencyTolerancePercent), FrequencyTolerancePercent, "between 0.5 and 10");
        Check(TimingTolerancePercent is >= 5 and <= 50, nameof(TimingTolerancePercent), TimingTolerancePercent, "between 5 and 50");
        Check(CyclesNeeded is >= 1 and <= 10, nameof(CyclesNeeded), CyclesNeeded, "between 1 and 10");
        Check(MinimumLevelDbm0 is >= -60 and <= -10, nameof(MinimumLevelDbm0), MinimumLevelDbm0, "between -60 and -10 dBm0");
    }

    private void Check(bool valid, string field, object value, string range)
    {
        if (!valid)
        {
            throw new ArgumentException($"Call-progress tone profile '{Name}': {field} is {value}; it must be {range}.", field);
        }
    }
}
