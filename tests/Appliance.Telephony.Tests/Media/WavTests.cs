using System.Buffers.Binary;
using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public sealed class WavTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dsp-wav-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Mono_file_round_trips()
    {
        var path = Path.Combine(_directory, "mono.wav");
        var samples = Tones(250, (440, -10));
        using (var writer = WavWriter.Create(path, 8000, 1))
        {
            writer.Write(samples.AsSpan(0, 1000));
            writer.Write(samples.AsSpan(1000));
            Assert.Equal(samples.Length, writer.FramesWritten);
        }

        var audio = WavReader.Read(path);
        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal(samples, audio.Samples);
        Assert.Equal(TimeSpan.FromMilliseconds(250), audio.Duration);
        Assert.Equal(44 + (samples.Length * 2), new FileInfo(path).Length);
    }

    [Fact]
    public void Header_is_the_canonical_44_byte_PCM_header()
    {
        var path = Path.Combine(_directory, "header.wav");
        using (var writer = WavWriter.Create(path, 8000, 2))
        {
            writer.WriteStereo(new short[] { 1, 2, 3 }, new short[] { -1, -2, -3 });
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(36u + 12u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), bytes[8..16]);
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(32000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal("data"u8.ToArray(), bytes[36..40]);
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(new byte[] { 1, 0, 0xFF, 0xFF, 2, 0, 0xFE, 0xFF, 3, 0, 0xFD, 0xFF }, bytes[44..]);
    }

    [Fact]
    public void WriteStereo_puts_left_in_channel_0_and_right_in_channel_1()
    {
        var path = Path.Combine(_directory, "stereo.wav");
        var left = Tones(1000, (440, -10));
        var right = Tones(1000, (1000, -20));
        using (var writer = WavWriter.Create(path, 8000, 2))
        {
            for (var offset = 0; offset < left.Length; offset += 160)
            {
                writer.WriteStereo(left.AsSpan(offset, 160), right.AsSpan(offset, 160));
            }
        }

        var audio = WavReader.Read(path);
        Assert.Equal(2, audio.Channels);
        Assert.Equal(left, audio.Channel(0));
        Assert.Equal(right, audio.Channel(1));
        Assert.Equal(440, ToneAnalysis.DominantFrequency(audio.Channel(0), 100, 3000, 10));
        Assert.Equal(1000, ToneAnalysis.DominantFrequency(audio.Channel(1), 100, 3000, 10));
    }

    [Fact]
    public void Header_is_kept_up_to_date_while_writing_so_a_power_cut_leaves_a_valid_file()
    {
        var path = Path.Combine(_directory, "live.wav");
        using var writer = WavWriter.Create(path, 8000, 2, TimeSpan.FromSeconds(2));
        var frame = new short[320];
        for (var i = 0; i < 250; i++)
        {
            frame[0] = (short)i;
            writer.Write(frame); // 250 stereo frames of 20 ms = 5 s
        }

        // Without Dispose (the "power cut"), another reader sees a valid file holding the audio up to the last update.
        var audio = WavReader.Read(path);
        Assert.Equal(2, audio.Channels);
        Assert.Equal(TimeSpan.FromSeconds(4), audio.Duration);
        Assert.Equal(199, audio.Samples[199 * 320]);
    }

    [Fact]
    public void Writer_refuses_bad_arguments()
    {
        var path = Path.Combine(_directory, "bad.wav");
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Create(path, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Create(path, 8000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Create(path, 8000, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.Create(path, 8000, 1, TimeSpan.Zero));

        using var stereo = WavWriter.Create(path, 8000, 2);
        Assert.Throws<ArgumentException>(() => stereo.Write(new short[3]));
        Assert.Throws<ArgumentException>(() => stereo.WriteStereo(new short[3], new short[2]));
        using var mono = WavWriter.Create(Path.Combine(_directory, "mono.wav"), 8000, 1);
        Assert.Throws<InvalidOperationException>(() => mono.WriteStereo(new short[3], new short[3]));
        mono.Dispose();
        Assert.Throws<ObjectDisposedException>(() => mono.Write(new short[1]));
        Assert.Empty(WavReader.Read(Path.Combine(_directory, "mono.wav")).Samples);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void Reads_A_law_and_mu_law_files(ushort format)
    {
        var samples = Tones(100, (1000, -6));
        var coded = new byte[samples.Length];
        if (format == 6)
        {
            G711.EncodeALaw(samples, coded);
        }
        else
        {
            G711.EncodeMuLaw(samples, coded);
        }

        var path = Write("companded.wav", Riff(Fmt(format, 1, 8000, 8), Chunk("data", coded)));
        var audio = WavReader.Read(path);

        Assert.Equal(samples.Length, audio.Samples.Length);
        Assert.Equal(format == 6 ? G711.DecodeALaw(coded[10]) : G711.DecodeMuLaw(coded[10]), audio.Samples[10]);
        Assert.Equal(-6, ToneAnalysis.PowerDbm0(audio.Samples, 1000), 0.2);
    }

    [Fact]
    public void Skips_other_chunks_with_their_padding_and_reads_extensible_PCM()
    {
        var extensible = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(extensible, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(extensible.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(extensible.AsSpan(4), 16000);
        BinaryPrimitives.WriteUInt32LittleEndian(extensible.AsSpan(8), 32000);
        BinaryPrimitives.WriteUInt16LittleEndian(extensible.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(extensible.AsSpan(14), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(extensible.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(extensible.AsSpan(24), 1);
        new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 }.CopyTo(extensible, 26);
        var path = Write("ext.wav", Riff(Chunk("LIST", new byte[5]), Chunk("fmt ", extensible), Chunk("fact", new byte[4]), Chunk("data", [1, 0, 0xFF, 0x7F])));

        var audio = WavReader.Read(path);
        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(new short[] { 1, short.MaxValue }, audio.Samples);
    }

    [Theory]
    [InlineData("empty", "is too short")]
    [InlineData("garbage", "does not start with 'RIFF'")]
    [InlineData("riff-not-wave", "not 'WAVE'")]
    [InlineData("adpcm", "format 2 (Microsoft ADPCM)")]
    [InlineData("pcm12", "12-bit PCM")]
    [InlineData("float16", "16-bit IEEE float")]
    [InlineData("no-fmt", "has no 'fmt ' chunk")]
    [InlineData("no-data", "has no 'data' chunk")]
    [InlineData("data-first", "before the 'fmt ' chunk")]
    [InlineData("truncated", "is truncated: the 'data' chunk declares 3200 bytes but only 1000 remain")]
    [InlineData("chunk-past-end", "chunk 'LIST' declares 5000 bytes")]
    [InlineData("short-fmt", "'fmt ' chunk of 12 bytes")]
    [InlineData("zero-channels", "declares 0 channels")]
    [InlineData("block-align", "block alignment of 3 bytes")]
    [InlineData("odd-data", "not a whole number of 4-byte frames")]
    [InlineData("bad-extensible", "unknown sub-format")]
    public void Refuses_malformed_files_naming_the_file_and_the_fault(string kind, string fault)
    {
        var pcm = Fmt(1, 1, 8000, 16);
        byte[] bytes = kind switch
        {
            "empty" => [],
            "garbage" => "this is not audio at all, just text"u8.ToArray(),
            "riff-not-wave" => [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8],
            "adpcm" => Riff(Fmt(2, 1, 8000, 4, blockAlign: 1), Chunk("data", new byte[8])),
            "pcm12" => Riff(Fmt(1, 1, 8000, 12, blockAlign: 2), Chunk("data", new byte[8])),
            "float16" => Riff(Fmt(3, 1, 8000, 16), Chunk("data", new byte[8])),
            "no-fmt" => Riff(Chunk("LIST", new byte[4])),
            "no-data" => Riff(pcm),
            "data-first" => Riff(Chunk("data", new byte[4]), pcm),
            "truncated" => Riff(pcm, Chunk("data", new byte[3200]))[..(12 + 24 + 8 + 1000)],
            "chunk-past-end" => Riff(pcm, [.. "LIST"u8, 0x88, 0x13, 0, 0, 1, 2, 3]),
            "short-fmt" => Riff(Chunk("fmt ", new byte[12]), Chunk("data", new byte[4])),
            "zero-channels" => Riff(Fmt(1, 0, 8000, 16), Chunk("data", new byte[4])),
            "block-align" => Riff(Fmt(1, 1, 8000, 16, blockAlign: 3), Chunk("data", new byte[6])),
            "odd-data" => Riff(Fmt(1, 2, 8000, 16), Chunk("data", new byte[6])),
            "bad-extensible" => Riff(Fmt(0xFFFE, 1, 8000, 16), Chunk("data", new byte[4])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var path = Write(kind + ".wav", bytes);

        var error = Assert.Throws<InvalidDataException>(() => WavReader.Read(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found_error()
    {
        Assert.Throws<FileNotFoundException>(() => WavReader.Read(Path.Combine(_directory, "nope.wav")));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Riff(params byte[][] chunks) => WavBytes.Riff(chunks);

    private static byte[] Chunk(string id, byte[] data) => WavBytes.Chunk(id, data);

    private static byte[] Fmt(ushort format, ushort channels, uint sampleRate, ushort bits, int blockAlign = -1)
    {
        var data = new byte[16];
        var align = blockAlign >= 0 ? blockAlign : channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(data, format);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(14), bits);
        return Chunk("fmt ", data);
    }
}
