using System.Buffers.Binary;

namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Turns the bytes of a WAV 'data' chunk into 16-bit linear samples: the resolution the box plays and records at.
/// Wider samples are rounded to the nearest 16-bit value; floats beyond ±1.0 (legal in float files) are clamped
/// rather than wrapped, so an over-loud file distorts gently instead of turning into noise.
/// </summary>
internal static class WavSampleDecoder
{
    public static void Decode(ReadOnlySpan<byte> bytes, Span<short> samples, WavFormatChunk format)
    {
        var width = format.BytesPerSample;
        var count = bytes.Length / width;
        for (var i = 0; i < count; i++)
        {
            var sample = bytes.Slice(i * width, width);
            samples[i] = (format.Code, width) switch
            {
                (WavFormat.Pcm, 1) => (short)((sample[0] - 128) << 8), // 8-bit PCM is unsigned, 128 is silence
                (WavFormat.Pcm, 2) => BinaryPrimitives.ReadInt16LittleEndian(sample),
                (WavFormat.Pcm, 3) => Round(sample[0] | (sample[1] << 8) | ((sbyte)sample[2] << 16), 8),
                (WavFormat.Pcm, 4) => Round(BinaryPrimitives.ReadInt32LittleEndian(sample), 16),
                (WavFormat.IeeeFloat, 4) => FromFloat(BinaryPrimitives.ReadSingleLittleEndian(sample)),
                (WavFormat.IeeeFloat, 8) => FromFloat(BinaryPrimitives.ReadDoubleLittleEndian(sample)),
                (WavFormat.ALaw, 1) => G711.DecodeALaw(sample[0]),
                (WavFormat.MuLaw, 1) => G711.DecodeMuLaw(sample[0]),
                _ => throw new InvalidOperationException($"format {format.Code} with {width}-byte samples passed the format check"),
            };
        }
    }

    // Drops the low bits with rounding to nearest; the largest values would round past short.MaxValue, so clamp.
    private static short Round(long value, int shift) =>
        (short)Math.Clamp((value + (1L << (shift - 1))) >> shift, short.MinValue, short.MaxValue);

    private static short FromFloat(double value) =>
        double.IsNaN(value) ? (short)0 : (short)Math.Clamp(Math.Round(value * 32768.0), short.MinValue, short.MaxValue);
}
