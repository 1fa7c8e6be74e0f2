using System.Buffers.Binary;

namespace Appliance.Telephony.Media.Internal;

/// <summary>Constants and the canonical 44-byte header of a RIFF/WAVE file (16-bit PCM as this box writes it).</summary>
internal static class WavFormat
{
    public const ushort Pcm = 1;
    public const ushort IeeeFloat = 3;
    public const ushort ALaw = 6;
    public const ushort MuLaw = 7;
    public const ushort Extensible = 0xFFFE;
    public const int HeaderLength = 44;
    public const int MaximumChannels = 8;
    public const int MaximumSampleRate = 384_000;

    /// <summary>RIFF sizes are 32-bit: the data may not grow past this.</summary>
    public const long MaximumDataBytes = uint.MaxValue - HeaderLength;

    public static void WriteHeader(Span<byte> header, int sampleRate, int channels, long dataBytes)
    {
        var blockAlign = channels * 2;
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], Pcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
    }

    public static string FormatName(ushort format) => format switch
    {
        Pcm => "PCM",
        IeeeFloat => "IEEE float",
        ALaw => "A-law",
        MuLaw => "µ-law",
        2 => "Microsoft ADPCM",
        0x11 => "IMA ADPCM",
        0x31 => "GSM 6.10",
        0x55 => "MP3",
        Extensible => "extensible",
        _ => "unknown",
    };
}
