namespace Appliance.Telephony.Media;

/// <summary>Adds 16-bit linear audio frames with saturation, for conferences and supervision; no allocation.</summary>
public static class SampleMixer
{
    /// <summary>
    /// Writes <paramref name="first"/> + <paramref name="second"/> to <paramref name="destination"/>, clamping each sum to the
    /// 16-bit range so two loud talkers clip rather than wrap around into a loud crackle. The destination may be either input.
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public static void Mix(ReadOnlySpan<short> first, ReadOnlySpan<short> second, Span<short> destination)
    {
        if (first.Length != destination.Length || second.Length != destination.Length)
        {
            throw new ArgumentException("The frames to mix and the destination must have the same length.", nameof(destination));
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Saturate(first[i] + second[i]);
        }
    }

    /// <summary>Clamps a sum of samples to the 16-bit range.</summary>
    public static short Saturate(int sum) => (short)Math.Clamp(sum, short.MinValue, short.MaxValue);
}
