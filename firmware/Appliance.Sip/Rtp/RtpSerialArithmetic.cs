namespace Appliance.Sip.Rtp;

/// <summary>Comparisons of 16-bit sequence numbers and 32-bit timestamps that stay right across wrap-around.</summary>
public static class RtpSerialArithmetic
{
    /// <summary>How far <paramref name="later"/> is after <paramref name="earlier"/>, negative if before (|distance| &lt; 32768).</summary>
    public static int SequenceDistance(ushort later, ushort earlier) => (short)(ushort)(later - earlier);

    /// <summary>How far <paramref name="later"/> is after <paramref name="earlier"/> in clock units, negative if before.</summary>
    public static int TimestampDistance(uint later, uint earlier) => (int)(later - earlier);

    /// <summary>The 64-bit extended sequence number of <paramref name="sequence"/> nearest to <paramref name="reference"/>.</summary>
    public static long Extend(ushort sequence, long reference) => reference + SequenceDistance(sequence, (ushort)reference);
}
