namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Lookup tables computed once from the segment rules of ITU-T G.711. Encoding tables are indexed by magnitude (µ-law on the
/// 14-bit scale, A-law on the 13-bit scale) and hold the 7-bit segment/step code before sign and bit inversion.
/// </summary>
internal static class G711Tables
{
    public static readonly byte[] MuLawMagnitudeCodes = BuildMuLawMagnitudeCodes();
    public static readonly byte[] ALawMagnitudeCodes = BuildALawMagnitudeCodes();
    public static readonly short[] MuLawDecode = BuildMuLawDecode();
    public static readonly short[] ALawDecode = BuildALawDecode();

    // µ-law: 14-bit magnitude m (clipped to 8158) biased by 33 lands in [2^(s+5), 2^(s+6)) for segment s; the step within
    // the segment is the next four bits. 32768 >> 2 = 8192 is the largest index.
    private static byte[] BuildMuLawMagnitudeCodes()
    {
        var table = new byte[8193];
        for (var magnitude = 0; magnitude < table.Length; magnitude++)
        {
            var biased = Math.Min(magnitude, 8158) + 33;
            var segment = 0;
            while (biased >= 64 << segment)
            {
                segment++;
            }

            table[magnitude] = (byte)((segment << 4) | ((biased >> (segment + 1)) & 0x0F));
        }

        return table;
    }

    // A-law: 13-bit magnitude m; segment 0 covers 0..31 in steps of 2, segment s >= 1 covers [16 * 2^s, 32 * 2^s).
    private static byte[] BuildALawMagnitudeCodes()
    {
        var table = new byte[4097];
        for (var magnitude = 0; magnitude < table.Length; magnitude++)
        {
            var clipped = Math.Min(magnitude, 4095);
            var segment = 0;
            while (segment < 7 && clipped >= 32 << segment)
            {
                segment++;
            }

            var step = segment == 0 ? clipped >> 1 : (clipped >> segment) & 0x0F;
            table[magnitude] = (byte)((segment << 4) | step);
        }

        return table;
    }

    // Decoders return the middle of each quantisation interval, scaled to 16 bits.
    private static short[] BuildMuLawDecode()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var inverted = ~code & 0xFF;
            var segment = (inverted >> 4) & 0x07;
            var step = inverted & 0x0F;
            var magnitude = ((((step << 3) + 0x84) << segment) - 0x84);
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }

    private static short[] BuildALawDecode()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var value = code ^ 0x55;
            var segment = (value >> 4) & 0x07;
            var step = value & 0x0F;
            var magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
            table[code] = (short)((value & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
