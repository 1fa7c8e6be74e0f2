namespace Appliance.Telephony.Bridging.Internal;

/// <summary>A shared run of zero samples, handed out instead of a paused caller's audio without allocating per tick.</summary>
internal static class SilentFrames
{
    private static short[] s_zeros = new short[960];

    /// <summary><paramref name="length"/> samples of silence (linear 0).</summary>
    public static ReadOnlySpan<short> Of(int length)
    {
        var zeros = s_zeros;
        if (zeros.Length < length)
        {
            // Only an unusually long frame grows it; racing loops each install an all-zero array, which is harmless.
            zeros = new short[length];
            s_zeros = zeros;
        }

        return zeros.AsSpan(0, length);
    }
}
