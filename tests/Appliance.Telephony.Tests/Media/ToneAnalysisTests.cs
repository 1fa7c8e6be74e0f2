using Appliance.Telephony.Media;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public class ToneAnalysisTests
{
    [Fact]
    public void PowerDbm0_reads_the_level_of_one_tone_among_others()
    {
        var samples = Tones(200, (1000, -12), (1800, -30));
        Assert.Equal(-12, ToneAnalysis.PowerDbm0(samples, 1000), 0.1);
        Assert.Equal(-30, ToneAnalysis.PowerDbm0(samples, 1800), 0.3);
        Assert.True(ToneAnalysis.PowerDbm0(samples, 1400) < -50);
        Assert.Equal(AudioLevel.SilenceDbm0, ToneAnalysis.PowerDbm0(Silence(20), 1000));
    }

    [Fact]
    public void DominantFrequency_finds_the_strongest_tone_in_the_range()
    {
        var samples = Tones(500, (440, -10), (1234, -20));
        Assert.Equal(440, ToneAnalysis.DominantFrequency(samples, 100, 3900, 2));
        Assert.Equal(1234, ToneAnalysis.DominantFrequency(samples, 1000, 3900, 2));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ToneAnalysis.PowerDbm0([], 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToneAnalysis.PowerDbm0(new short[10], 5000));
        Assert.Throws<ArgumentException>(() => ToneAnalysis.DominantFrequency([], 100, 200, 1));
        Assert.Throws<ArgumentException>(() => ToneAnalysis.DominantFrequency(new short[10], 300, 200, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToneAnalysis.DominantFrequency(new short[10], 100, 200, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToneAnalysis.DominantFrequency(new short[10], 0, 4000, 0.001));
    }
}
