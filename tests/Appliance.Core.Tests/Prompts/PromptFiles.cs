using System.Buffers.Binary;

namespace Appliance.Core.Tests.Prompts;

/// <summary>WAV files as other tools write them (here 32-bit float at any rate and channel count), and files that are not.</summary>
internal static class PromptFiles
{
    public static byte[] FloatSine(double frequencyHz, int sampleRate, int channels, double seconds)
    {
        var frames = (int)(sampleRate * seconds);
        var data = new byte[frames * channels * 4];
        for (var i = 0; i < frames; i++)
        {
            var value = (float)(0.5 * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate));
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(((i * channels) + c) * 4), value);
            }
        }

        return Wav(3, channels, sampleRate, 32, data);
    }

    public static byte[] Wav(ushort format, int channels, int sampleRate, int bits, byte[] data)
    {
        var blockAlign = channels * bits / 8;
        var file = new byte[44 + data.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(36 + data.Length));
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(34), (ushort)bits);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), (uint)data.Length);
        data.CopyTo(file, 44);
        return file;
    }
}
