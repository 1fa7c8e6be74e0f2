using Appliance.Telephony.Media;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public class SilenceDetectorTests
{
    [Fact]
    public void Counts_whole_quiet_frames_and_restarts_on_sound()
    {
        var detector = new SilenceDetector(-45);

        Assert.Equal(TimeSpan.FromMilliseconds(100), detector.Process(Silence(110)));
        Assert.Equal(TimeSpan.FromMilliseconds(200), detector.Process(WithNoise(Silence(90), -60, 0, seed: 1)));
        Assert.Equal(TimeSpan.Zero, detector.Process(Tones(40, (1000, -30))));
        Assert.Equal(TimeSpan.FromMilliseconds(60), detector.Process(Silence(60)));
        Assert.Equal(TimeSpan.FromMilliseconds(60), detector.SilentFor);
    }

    [Fact]
    public void The_threshold_decides_what_is_quiet()
    {
        var tone = Tones(1000, (400, -40));
        Assert.Equal(TimeSpan.FromSeconds(1), new SilenceDetector(-35).Process(tone));
        Assert.Equal(TimeSpan.Zero, new SilenceDetector(-45).Process(tone));
    }

    [Fact]
    public void Chunk_size_does_not_matter_and_reset_starts_over()
    {
        var detector = new SilenceDetector();
        var silence = Silence(1000);
        for (var offset = 0; offset < silence.Length; offset += 7)
        {
            detector.Process(silence.AsSpan(offset, Math.Min(7, silence.Length - offset)));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), detector.SilentFor);
        detector.Reset();
        Assert.Equal(TimeSpan.Zero, detector.SilentFor);
        Assert.Equal(TimeSpan.Zero, detector.Process(Silence(19)));
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Bad_threshold_is_refused(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SilenceDetector(threshold));
    }
}
