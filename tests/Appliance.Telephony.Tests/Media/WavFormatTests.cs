using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;

namespace Appliance.Telephony.Tests.Media;

/// <summary>The reader on every common WAV encoding, plain and as WAVE_FORMAT_EXTENSIBLE, read to 16-bit samples.</summary>
public sealed class WavFormatTests
{
    [Theory]
    [InlineData(1, 8, false, 256)]
    [InlineData(1, 16, false, 1)]
    [InlineData(1, 24, false, 1)]
    [InlineData(1, 32, false, 1)]
    [InlineData(3, 32, false, 1)]
    [InlineData(3, 64, false, 1)]
    [InlineData(1, 24, true, 1)]
    [InlineData(1, 32, true, 1)]
    [InlineData(3, 32, true, 1)]
    public void Reads_each_encoding_to_the_same_16_bit_samples(ushort format, int bits, bool extensible, int tolerance)
    {
        var sine = WavBytes.Sine(1000, 0.5, 8000, 0.1);
        var bytes = WavBytes.File(format, 1, 8000, bits, WavBytes.Encode(sine, format, bits), extensible);

        var audio = WavReader.Read(new MemoryStream(bytes), "tone.wav");

        Assert.Equal((8000, 1, sine.Length), (audio.SampleRate, audio.Channels, audio.Samples.Length));
        for (var i = 0; i < sine.Length; i++)
        {
            Assert.InRange(audio.Samples[i] - (sine[i] * 32768), -tolerance, tolerance);
        }

        Assert.Equal(-6 + 3.17, ToneAnalysis.PowerDbm0(audio.Samples, 1000), 0.3);
    }

    [Fact]
    public void Eight_bit_PCM_is_unsigned_with_128_as_silence()
    {
        var audio = WavReader.Read(new MemoryStream(WavBytes.File(1, 1, 8000, 8, [128, 255, 0, 129])), "u8.wav");
        Assert.Equal(new short[] { 0, 127 << 8, -32768, 256 }, audio.Samples);
    }

    [Fact]
    public void Wide_samples_round_to_nearest_and_the_extremes_saturate()
    {
        byte[] data =
        [
            0xFF, 0xFF, 0x7F, // 24-bit maximum: rounds up past 32767, saturates
            0x00, 0x00, 0x80, // 24-bit minimum: exactly -32768
            0x80, 0x00, 0x00, // 128/256 of one 16-bit step: rounds up to 1
            0x7F, 0x00, 0x00, // just under half a step: 0
        ];
        var audio = WavReader.Read(new MemoryStream(WavBytes.File(1, 1, 8000, 24, data)), "s24.wav");
        Assert.Equal(new short[] { 32767, -32768, 1, 0 }, audio.Samples);
    }

    [Fact]
    public void Floats_beyond_full_scale_saturate_and_NaN_is_silence()
    {
        var data = WavBytes.Encode([1.5, -2.0, double.NaN, 0.25, -1.0], 3, 64);
        var audio = WavReader.Read(new MemoryStream(WavBytes.File(3, 1, 8000, 64, data)), "f64.wav");
        Assert.Equal(new short[] { 32767, -32768, 0, 8192, -32768 }, audio.Samples);
    }

    [Fact]
    public void Reads_many_channels_interleaved_at_any_rate()
    {
        var sine = WavBytes.Sine(440, 0.25, 44100, 0.05, channels: 6);
        var bytes = WavBytes.File(1, 6, 44100, 24, WavBytes.Encode(sine, 1, 24), extensible: true);

        var audio = WavReader.Read(new MemoryStream(bytes), "surround.wav");

        Assert.Equal((44100, 6, 2205), (audio.SampleRate, audio.Channels, audio.FrameCount));
        Assert.Equal(audio.Channel(0), audio.Channel(5));
    }
}
