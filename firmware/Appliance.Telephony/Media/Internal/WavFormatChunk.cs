using System.Buffers.Binary;

namespace Appliance.Telephony.Media.Internal;

/// <summary>The parts of a WAV 'fmt ' chunk the reader needs, checked for what this box can decode.</summary>
internal sealed record WavFormatChunk(ushort Code, int Channels, int SampleRate, int BlockAlign, int BytesPerSample)
{
    public static WavFormatChunk Parse(Stream stream, string name, uint size)
    {
        if (size < 16)
        {
            throw WavReader.Invalid(name, $"has a 'fmt ' chunk of {size} bytes; at least 16 are needed");
        }

        Span<byte> chunk = stackalloc byte[40];
        var wanted = (int)Math.Min(size, 40);
        WavReader.ReadFully(stream, chunk[..wanted]);
        stream.Seek(size - wanted, SeekOrigin.Current);

        var code = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (code == WavFormat.Extensible)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID. Its "valid bits"
            // may be fewer than the container's (20 in 24, 24 in 32); the samples are left-justified, so reading the
            // whole container gives the right value either way.
            if (wanted < 40 || !WavReader.IsExtensibleSuffix(chunk[26..40]))
            {
                throw WavReader.Invalid(name, "uses WAVE_FORMAT_EXTENSIBLE with a missing or unknown sub-format");
            }

            code = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }

        int[] allowedBits = code switch
        {
            WavFormat.Pcm => [8, 16, 24, 32],
            WavFormat.IeeeFloat => [32, 64],
            WavFormat.ALaw or WavFormat.MuLaw => [8],
            _ => throw WavReader.Invalid(name,
                $"uses format {code} ({WavFormat.FormatName(code)}); only PCM (1), IEEE float (3), A-law (6) and µ-law (7) are supported"),
        };
        if (!allowedBits.Contains(bits))
        {
            throw WavReader.Invalid(name,
                $"has {bits}-bit {WavFormat.FormatName(code)} samples; only {string.Join(", ", allowedBits)}-bit are supported");
        }

        if (channels is 0 or > WavFormat.MaximumChannels)
        {
            throw WavReader.Invalid(name, $"declares {channels} channels; 1 to {WavFormat.MaximumChannels} are supported");
        }

        if (sampleRate is 0 or > WavFormat.MaximumSampleRate)
        {
            throw WavReader.Invalid(name, $"declares a sample rate of {sampleRate} Hz; 1 to {WavFormat.MaximumSampleRate} are supported");
        }

        if (blockAlign != channels * bits / 8)
        {
            throw WavReader.Invalid(name, $"declares a block alignment of {blockAlign} bytes; {channels} channels of {bits} bits need {channels * bits / 8}");
        }

        return new WavFormatChunk(code, channels, (int)sampleRate, blockAlign, bits / 8);
    }
}
