using System.Buffers.Binary;

namespace Appliance.Telephony.Tests.Media.Support;

/// <summary>Builds WAV files byte by byte, in any format, to test the reader on what other tools write.</summary>
internal static class WavBytes
{
    private static readonly byte[] ExtensibleGuidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>A whole file: 'fmt ' (plain or WAVE_FORMAT_EXTENSIBLE) and 'data'.</summary>
    public static byte[] File(ushort format, int channels, int sampleRate, int bits, byte[] data, bool extensible = false)
    {
        var blockAlign = channels * bits / 8;
        var fmt = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : format);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), channels == 2 ? 3u : 4u);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), format);
            ExtensibleGuidTail.CopyTo(fmt, 26);
        }

        return Riff(Chunk("fmt ", fmt), Chunk("data", data));
    }

    /// <summary>Interleaved samples in [-1, 1) encoded as <paramref name="format"/> with <paramref name="bits"/> bits.</summary>
    public static byte[] Encode(ReadOnlySpan<double> samples, ushort format, int bits)
    {
        var width = bits / 8;
        var bytes = new byte[samples.Length * width];
        for (var i = 0; i < samples.Length; i++)
        {
            var target = bytes.AsSpan(i * width, width);
            var value = samples[i];
            switch (format, bits)
            {
                case (1, 8):
                    target[0] = (byte)(Math.Round(value * 127) + 128);
                    break;
                case (1, 16):
                    BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Round(value * 32767));
                    break;
                case (1, 24):
                    var v24 = (int)Math.Round(value * 8_388_607);
                    target[0] = (byte)v24;
                    target[1] = (byte)(v24 >> 8);
                    target[2] = (byte)(v24 >> 16);
                    break;
                case (1, 32):
                    BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Round(value * int.MaxValue));
                    break;
                case (3, 32):
                    BinaryPrimitives.WriteSingleLittleEndian(target, (float)value);
                    break;
                case (3, 64):
                    BinaryPrimitives.WriteDoubleLittleEndian(target, value);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), $"{format}/{bits} is not encoded here");
            }
        }

        return bytes;
    }

    /// <summary>A sine of <paramref name="amplitude"/> (1 = full scale) on every channel, interleaved.</summary>
    public static double[] Sine(double frequencyHz, double amplitude, int sampleRate, double seconds, int channels = 1)
    {
        var frames = (int)(sampleRate * seconds);
        var samples = new double[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var value = amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate);
            for (var c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = value;
            }
        }

        return samples;
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var riff = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)(4 + body.Length));
        "WAVE"u8.CopyTo(riff.AsSpan(8));
        body.CopyTo(riff, 12);
        return riff;
    }

    public static byte[] Chunk(string id, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }
}
