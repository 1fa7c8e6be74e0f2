using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// ITU-T G.711 companding between 16-bit linear samples and 8-bit µ-law or A-law code words (with the even-bit inversion of
/// A-law and the all-bit inversion of µ-law already applied, i.e. the bytes as they travel on the wire).
/// </summary>
public static class G711
{
    /// <summary>µ-law code word of <paramref name="sample"/>.</summary>
    public static byte EncodeMuLaw(short sample)
    {
        int value = sample;
        var sign = value >> 31; // 0 or -1
        var magnitude = (value ^ sign) - sign;
        // Positive words have the sign bit set after inversion; negative ones clear.
        var mask = 0xFF ^ (sign & 0x80);
        return (byte)(G711Tables.MuLawMagnitudeCodes[magnitude >> 2] ^ mask);
    }

    /// <summary>16-bit linear value of a µ-law code word.</summary>
    public static short DecodeMuLaw(byte code) => G711Tables.MuLawDecode[code];

    /// <summary>A-law code word of <paramref name="sample"/>.</summary>
    public static byte EncodeALaw(short sample)
    {
        int value = sample;
        var sign = value >> 31;
        var magnitude = (value ^ sign) - sign;
        var mask = 0x55 | (~sign & 0x80);
        return (byte)(G711Tables.ALawMagnitudeCodes[magnitude >> 3] ^ mask);
    }

    /// <summary>16-bit linear value of an A-law code word.</summary>
    public static short DecodeALaw(byte code) => G711Tables.ALawDecode[code];

    /// <summary>Encodes every sample of <paramref name="source"/> to µ-law.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void EncodeMuLaw(ReadOnlySpan<short> source, Span<byte> destination)
    {
        EnsureRoom(source.Length, destination.Length);
        var codes = G711Tables.MuLawMagnitudeCodes;
        for (var i = 0; i < source.Length; i++)
        {
            int value = source[i];
            var sign = value >> 31;
            var magnitude = (value ^ sign) - sign;
            destination[i] = (byte)(codes[magnitude >> 2] ^ (0xFF ^ (sign & 0x80)));
        }
    }

    /// <summary>Decodes every µ-law code word of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void DecodeMuLaw(ReadOnlySpan<byte> source, Span<short> destination)
    {
        EnsureRoom(source.Length, destination.Length);
        var table = G711Tables.MuLawDecode;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    /// <summary>Encodes every sample of <paramref name="source"/> to A-law.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void EncodeALaw(ReadOnlySpan<short> source, Span<byte> destination)
    {
        EnsureRoom(source.Length, destination.Length);
        var codes = G711Tables.ALawMagnitudeCodes;
        for (var i = 0; i < source.Length; i++)
        {
            int value = source[i];
            var sign = value >> 31;
            var magnitude = (value ^ sign) - sign;
            destination[i] = (byte)(codes[magnitude >> 3] ^ (0x55 | (~sign & 0x80)));
        }
    }

    /// <summary>Decodes every A-law code word of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void DecodeALaw(ReadOnlySpan<byte> source, Span<short> destination)
    {
        EnsureRoom(source.Length, destination.Length);
        var table = G711Tables.ALawDecode;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static void EnsureRoom(int needed, int available)
    {
        if (available < needed)
        {
            throw new ArgumentException($"Destination holds {available} items but {needed} are needed.", "destination");
        }
    }
}
