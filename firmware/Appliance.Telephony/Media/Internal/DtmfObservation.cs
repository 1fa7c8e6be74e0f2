namespace Appliance.Telephony.Media.Internal;

/// <summary>What one analysis window holds: a key (or '\0'), the share of the window's power in its two tones, and the
/// tones' measured frequencies (Hz) and powers (squared sample units).</summary>
internal readonly record struct DtmfObservation(char Digit, double EnergyShare, double LowHz, double HighHz, double LowPower, double HighPower)
{
    /// <summary>True when both tones are within <paramref name="hertz"/> and <paramref name="powerRatio"/> of <paramref name="other"/>'s.</summary>
    public bool IsSteadyWith(in DtmfObservation other, double hertz, double powerRatio) =>
        Math.Abs(LowHz - other.LowHz) <= hertz && Math.Abs(HighHz - other.HighHz) <= hertz
        && LowPower <= other.LowPower * powerRatio && other.LowPower <= LowPower * powerRatio
        && HighPower <= other.HighPower * powerRatio && other.HighPower <= HighPower * powerRatio;
}
