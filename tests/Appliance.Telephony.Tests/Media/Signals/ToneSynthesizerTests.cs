using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media.Signals;

public class ToneSynthesizerTests
{
    [Theory]
    [InlineData(425, -10)]
    [InlineData(1000, 0)]
    [InlineData(3400, -30)]
    public void Single_tone_has_its_frequency_and_level(double frequency, double level)
    {
        var samples = new short[8000];
        new ToneSynthesizer(frequency, 0, level).Render(samples);

        Assert.Equal(level, ToneAnalysis.PowerDbm0(samples, frequency), tolerance: 0.1);
        Assert.Equal(level, AudioLevel.MeasureDbm0(samples), tolerance: 0.1);
        Assert.Equal(frequency, ToneAnalysis.DominantFrequency(samples, 100, 3900, 5));
    }

    [Fact]
    public void Dual_tone_holds_both_tones_at_the_level_each()
    {
        var samples = new short[1600];
        new ToneSynthesizer(480, 620, -17).Render(samples);

        Assert.Equal(-17, ToneAnalysis.PowerDbm0(samples, 480), tolerance: 0.1);
        Assert.Equal(-17, ToneAnalysis.PowerDbm0(samples, 620), tolerance: 0.1);
        Assert.True(ToneAnalysis.PowerDbm0(samples, 550) < -40);
    }

    [Fact]
    public void Rendering_in_odd_pieces_gives_the_same_samples_as_in_one_piece()
    {
        var whole = new short[2000];
        new ToneSynthesizer(697, 1477, -5).Render(whole);

        var pieces = new short[2000];
        var synthesizer = new ToneSynthesizer(697, 1477, -5);
        var offset = 0;
        foreach (var length in new[] { 1, 7, 160, 333, 0, 999, 500 })
        {
            synthesizer.Render(pieces.AsSpan(offset, length));
            offset += length;
        }

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Reset_starts_from_phase_zero_again()
    {
        var synthesizer = new ToneSynthesizer(1000);
        var first = new short[100];
        var again = new short[100];
        synthesizer.Render(first);
        synthesizer.Render(new short[37]);
        synthesizer.Reset();
        synthesizer.Render(again);

        Assert.Equal(first, again);
        Assert.Equal(0, first[0]);
    }

    [Theory]
    [InlineData(0, 0, -10)]
    [InlineData(-5, 0, -10)]
    [InlineData(4000, 0, -10)]
    [InlineData(1000, 4500, -10)]
    [InlineData(1000, -1, -10)]
    [InlineData(1000, 0, 3.5)]
    [InlineData(double.NaN, 0, -10)]
    [InlineData(1000, 0, double.NaN)]
    public void Bad_arguments_are_refused(double f1, double f2, double level)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ToneSynthesizer(f1, f2, level));
        Assert.False(string.IsNullOrEmpty(error.ParamName));
    }
}
