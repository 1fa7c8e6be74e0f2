using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media;

public class ToneGeneratorTests
{
    [Fact]
    public void Continuous_dual_tone_has_both_frequencies_at_the_level()
    {
        var samples = new short[8000];
        new ToneGenerator(440, 480, -19).Render(samples);
        Assert.Equal(-19, ToneAnalysis.PowerDbm0(samples, 440), 0.1);
        Assert.Equal(-19, ToneAnalysis.PowerDbm0(samples, 480), 0.1);
    }

    [Fact]
    public void Cadence_switches_the_tone_on_and_off_and_repeats()
    {
        var generator = ToneGenerator.ChinaRingback();
        var samples = new short[8000 * 11];
        for (var offset = 0; offset < samples.Length; offset += 160)
        {
            generator.Render(samples.AsSpan(offset, 160));
        }

        Assert.Equal(-13, ToneAnalysis.PowerDbm0(samples.AsSpan(0, 8000), 450), 0.1);
        Assert.All(samples[8000..40000], s => Assert.Equal(0, s));
        Assert.Equal(-13, ToneAnalysis.PowerDbm0(samples.AsSpan(40000, 8000), 450), 0.1);
        Assert.All(samples[48000..80000], s => Assert.Equal(0, s));
        Assert.True(AudioLevel.MeasureDbm0(samples.AsSpan(80000, 8000)) > -14);
    }

    [Fact]
    public void Beep_plays_once_then_stays_silent()
    {
        var generator = ToneGenerator.Beep();
        var samples = new short[4000];
        generator.Render(samples);
        Assert.True(generator.IsFinished);
        Assert.Equal(1000, ToneAnalysis.DominantFrequency(samples.AsSpan(0, 1600), 300, 3000, 10));
        Assert.All(samples[1600..], s => Assert.Equal(0, s));
        generator.Reset();
        Assert.False(generator.IsFinished);
    }

    [Fact]
    public void Rendering_in_pieces_matches_one_piece()
    {
        var whole = new short[3000];
        new ToneGenerator(697, 1209, -7, [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(30)]).Render(whole);
        var pieces = new short[3000];
        var generator = new ToneGenerator(697, 1209, -7, [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(30)]);
        for (var offset = 0; offset < pieces.Length; offset += 77)
        {
            generator.Render(pieces.AsSpan(offset, Math.Min(77, pieces.Length - offset)));
        }

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(400, 4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(400, 0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(400, 0, -10, [TimeSpan.Zero]));
    }
}
