using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;

namespace Appliance.Telephony.Tests.Media;

/// <summary>The conversion to 8 kHz mono, measured with tones: what passes, what is stopped, and that nothing clips.</summary>
public sealed class NarrowbandConverterTests
{
    private const double Amplitude = 0.5;

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(22050)]
    [InlineData(16000)]
    [InlineData(11025)]
    [InlineData(96000)]
    [InlineData(6000)]
    public void A_1_kHz_tone_keeps_its_level_and_frequency(int sampleRate)
    {
        var output = Convert(1000, Amplitude, sampleRate);

        Assert.Equal(8000, output.Length);
        var middle = output.AsSpan(1000, 6000);
        Assert.Equal(Reference(1000), ToneAnalysis.PowerDbm0(middle, 1000), 0.05);
        Assert.Equal(1000, ToneAnalysis.DominantFrequency(middle, 200, 3900, 10));
    }

    [Theory]
    [InlineData(44100, 300)]
    [InlineData(44100, 3000)]
    [InlineData(48000, 3400)]
    public void The_telephone_band_passes_within_a_tenth_of_a_decibel(int sampleRate, double frequencyHz)
    {
        var output = Convert(frequencyHz, Amplitude, sampleRate);

        Assert.Equal(Reference(frequencyHz), ToneAnalysis.PowerDbm0(output.AsSpan(1000, 6000), frequencyHz), 0.1);
    }

    [Theory]
    [InlineData(44100, 5000)] // would alias to 3 kHz
    [InlineData(44100, 4100)] // just above the output's Nyquist: would alias to 3.9 kHz
    [InlineData(48000, 7000)] // would alias to 1 kHz, right in the voice band
    [InlineData(16000, 6000)]
    [InlineData(96000, 20000)]
    public void A_tone_above_4_kHz_is_gone_after_conversion(int sampleRate, double frequencyHz)
    {
        var output = Convert(frequencyHz, Amplitude, sampleRate);

        // 70 dB under the input's RMS (0.354 of full scale = 11585): under 3.7, a few units of the last bit.
        var rms = Math.Sqrt(output.AsSpan(1000, 6000).ToArray().Average(s => (double)s * s));
        Assert.True(rms < 11585 * Math.Pow(10, -70 / 20.0), $"{frequencyHz} Hz at {sampleRate} Hz left an RMS of {rms:0.00}");
    }

    [Fact]
    public void A_tone_near_full_scale_is_not_clipped()
    {
        var output = Convert(1000, 0.98, 44100);

        var peak = output.AsSpan(1000, 6000).ToArray().Max(s => Math.Abs((int)s));
        Assert.InRange(peak, 0.97 * 32768, 32766);
        Assert.DoesNotContain(output, s => s is short.MaxValue or short.MinValue);
    }

    [Fact]
    public void Channels_are_averaged()
    {
        var left = WavBytes.Sine(1000, Amplitude, 8000, 1);
        var interleaved = new double[left.Length * 2];
        for (var i = 0; i < left.Length; i++)
        {
            interleaved[2 * i] = left[i]; // the right channel stays silent
        }

        var audio = WavReader.Read(new MemoryStream(WavBytes.File(3, 2, 8000, 32, WavBytes.Encode(interleaved, 3, 32))), "lr.wav");
        var output = NarrowbandConverter.Convert(audio);

        Assert.Equal(8000, output.Length);
        Assert.Equal(Reference(1000) - 6.02, ToneAnalysis.PowerDbm0(output, 1000), 0.05);
    }

    [Fact]
    public void Audio_already_at_8_kHz_mono_is_copied_unchanged()
    {
        var audio = new WavAudio(8000, 1, [1, -2, 300, short.MaxValue, short.MinValue]);
        Assert.Equal(audio.Samples, NarrowbandConverter.Convert(audio));
    }

    private static short[] Convert(double frequencyHz, double amplitude, int sampleRate)
    {
        var sine = WavBytes.Sine(frequencyHz, amplitude, sampleRate, 1);
        var audio = WavReader.Read(new MemoryStream(WavBytes.File(3, 1, sampleRate, 64, WavBytes.Encode(sine, 3, 64))), "tone.wav");
        return NarrowbandConverter.Convert(audio);
    }

    // The level the same tone has when it was recorded at 8 kHz in the first place.
    private static double Reference(double frequencyHz) =>
        ToneAnalysis.PowerDbm0(Array.ConvertAll(WavBytes.Sine(frequencyHz, Amplitude, 8000, 0.75), s => (short)Math.Round(s * 32768)), frequencyHz);
}
