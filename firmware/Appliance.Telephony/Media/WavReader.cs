using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// Reads RIFF/WAVE files holding PCM (8, 16, 24 or 32-bit), IEEE float (32 or 64-bit), A-law (format 6) or µ-law
/// (format 7), plain or as WAVE_FORMAT_EXTENSIBLE, as 16-bit samples.
/// Anything else, and any malformed or truncated file, is refused with an <see cref="InvalidDataException"/> whose message
/// names the file and what is wrong with it.
/// </summary>
public static class WavReader
{
    /// <summary>Largest data chunk read (1 GiB, over 9 hours of 8 kHz stereo).</summary>
    public const long MaximumDataBytes = 1L << 30;

    private static readonly byte[] ExtensibleSubFormatSuffix =
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Reads the file at <paramref name="path"/> (it may still be open for writing).</summary>
    /// <exception cref="InvalidDataException">Not a WAV file this box can play, or a damaged one.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static WavAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Read(stream, path);
    }

    /// <summary>Reads a WAV file from a seekable <paramref name="stream"/>; <paramref name="name"/> is used in errors.</summary>
    /// <exception cref="InvalidDataException">Not a WAV file this box can play, or a damaged one.</exception>
    public static WavAudio Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        Span<byte> header = stackalloc byte[12];
        if (ReadFully(stream, header) < 12)
        {
            throw Invalid(name, $"is too short to be a WAV file ({stream.Length} bytes)");
        }

        if (!header[..4].SequenceEqual("RIFF"u8))
        {
            throw Invalid(name, $"does not start with 'RIFF' (found '{Printable(header[..4])}')");
        }

        if (!header[8..12].SequenceEqual("WAVE"u8))
        {
            throw Invalid(name, $"is a RIFF file of type '{Printable(header[8..12])}', not 'WAVE'");
        }

        WavFormatChunk? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            var got = ReadFully(stream, chunkHeader);
            if (got < 8)
            {
                throw Invalid(name, format is null ? "has no 'fmt ' chunk" : "has no 'data' chunk");
            }

            var id = chunkHeader[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var remaining = stream.Length - stream.Position;
            if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw Invalid(name, "has its 'data' chunk before the 'fmt ' chunk");
                }

                return ReadData(stream, name, format, size, remaining);
            }

            if (size > remaining)
            {
                throw Invalid(name, $"is truncated: chunk '{Printable(id)}' declares {size} bytes but only {remaining} remain");
            }

            if (id.SequenceEqual("fmt "u8))
            {
                format = WavFormatChunk.Parse(stream, name, size);
            }
            else
            {
                stream.Seek(size, SeekOrigin.Current);
            }

            if ((size & 1) == 1 && stream.Position < stream.Length)
            {
                stream.Seek(1, SeekOrigin.Current); // chunks are padded to an even length
            }
        }
    }

    internal static InvalidDataException Invalid(string name, string what) => new($"WAV file '{name}' {what}.");

    internal static bool IsExtensibleSuffix(ReadOnlySpan<byte> guidTail) => guidTail.SequenceEqual(ExtensibleSubFormatSuffix);

    internal static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static WavAudio ReadData(Stream stream, string name, WavFormatChunk format, uint size, long remaining)
    {
        if (size > remaining)
        {
            throw Invalid(name, $"is truncated: the 'data' chunk declares {size} bytes but only {remaining} remain");
        }

        if (size > MaximumDataBytes)
        {
            throw Invalid(name, $"holds {size} bytes of audio; at most {MaximumDataBytes} are read");
        }

        if (size % format.BlockAlign != 0)
        {
            throw Invalid(name, $"has a 'data' chunk of {size} bytes, not a whole number of {format.BlockAlign}-byte frames");
        }

        var samples = new short[size / format.BytesPerSample];
        if (format.Code == WavFormat.Pcm && format.BytesPerSample == 2)
        {
            ReadFully(stream, MemoryMarshal.AsBytes(samples.AsSpan()));
            if (!BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(samples, samples);
            }
        }
        else
        {
            Decode(stream, samples, format);
        }

        return new WavAudio(format.SampleRate, format.Channels, samples);
    }

    private static void Decode(Stream stream, short[] samples, WavFormatChunk format)
    {
        // Whole samples per read: a block never splits one.
        var perBlock = (64 * 1024) / format.BytesPerSample;
        var buffer = ArrayPool<byte>.Shared.Rent(perBlock * format.BytesPerSample);
        try
        {
            var done = 0;
            while (done < samples.Length)
            {
                var count = Math.Min(perBlock, samples.Length - done);
                var bytes = buffer.AsSpan(0, count * format.BytesPerSample);
                ReadFully(stream, bytes);
                WavSampleDecoder.Decode(bytes, samples.AsSpan(done, count), format);
                done += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Chunk ids in error messages: printable ASCII only, so garbage cannot spoil a log line.
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        Span<char> characters = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            characters[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        }

        return new string(characters);
    }
}
