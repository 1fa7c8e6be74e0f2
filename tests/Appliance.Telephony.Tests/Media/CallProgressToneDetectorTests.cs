using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public class CallProgressToneDetectorTests
{
    [Fact]
    public void China_busy_tone_is_confirmed_after_two_cycles_and_not_before()
    {
        var detector = new CallProgressToneDetector(CallProgressToneProfile.China);
        var cycle = Concat(Tones(350, (450, -20)), Silence(350));

        Assert.False(Run(detector, Concat(Silence(200), cycle, cycle)));
        Assert.True(Run(detector, Concat(Tones(350, (450, -20)), Silence(100))));
        Assert.True(detector.Detected);
    }

    [Theory]
    [InlineData("China", 450, 0, 350)]
    [InlineData("NorthAmerica", 480, 620, 500)]
    [InlineData("Europe", 425, 0, 500)]
    public void Each_built_in_profile_detects_its_own_busy_tone(string name, double f1, double f2, double ms)
    {
        var profile = Profile(name);
        var tone = f2 > 0 ? Tones(ms, (f1, -24), (f2, -24)) : Tones(ms, (f1, -20));
        var audio = WithNoise(Repeat(Concat(tone, Silence(ms)), 5), -20, snrDb: 10, seed: 5);

        Assert.True(Run(new CallProgressToneDetector(profile), audio));
    }

    [Theory]
    [InlineData("China", "NorthAmerica")]
    [InlineData("China", "Europe")]
    [InlineData("Europe", "China")]
    [InlineData("NorthAmerica", "Europe")]
    [InlineData("Europe", "NorthAmerica")]
    public void Another_country_busy_tone_is_not_mistaken_for_ours(string sent, string expected)
    {
        var profile = Profile(sent);
        var on = profile.Frequency2Hz > 0
            ? Tones(profile.On.TotalMilliseconds, (profile.Frequency1Hz, -20), (profile.Frequency2Hz, -20))
            : Tones(profile.On.TotalMilliseconds, (profile.Frequency1Hz, -20));
        var audio = Repeat(Concat(on, Silence(profile.Off.TotalMilliseconds)), 8);

        Assert.False(Run(new CallProgressToneDetector(Profile(expected)), audio));
    }

    [Fact]
    public void A_continuous_450_Hz_tone_does_not_trigger_it()
    {
        Assert.False(Run(new CallProgressToneDetector(CallProgressToneProfile.China), Tones(10_000, (450, -15))));
    }

    [Fact]
    public void Ringback_does_not_trigger_it()
    {
        var ringback = Repeat(Concat(Tones(1000, (450, -15)), Silence(4000)), 3);
        Assert.False(Run(new CallProgressToneDetector(CallProgressToneProfile.China), ringback));
    }

    [Fact]
    public void Speech_and_music_do_not_trigger_it()
    {
        foreach (var profile in new[] { CallProgressToneProfile.China, CallProgressToneProfile.NorthAmerica, CallProgressToneProfile.Europe })
        {
            Assert.False(Run(new CallProgressToneDetector(profile), InterferenceSignals.Speech(60, seed: 11)));
            Assert.False(Run(new CallProgressToneDetector(profile), InterferenceSignals.Music(60, seed: 12)));
        }
    }

    [Theory]
    [InlineData(459, 350, 350, true)]   // 2 % off frequency
    [InlineData(441, 390, 320, true)]   // within timing tolerance
    [InlineData(495, 350, 350, false)]  // 10 % off frequency
    [InlineData(450, 250, 250, false)]  // too fast
    [InlineData(450, 500, 500, false)]  // too slow
    [InlineData(450, 350, 700, false)]  // off too long
    public void Frequency_and_cadence_must_be_within_tolerance(double frequency, double onMs, double offMs, bool detected)
    {
        var audio = Repeat(Concat(Tones(onMs, (frequency, -20)), Silence(offMs)), 6);
        Assert.Equal(detected, Run(new CallProgressToneDetector(CallProgressToneProfile.China), audio));
    }

    [Fact]
    public void Busy_tone_after_speech_is_detected_and_reset_starts_over()
    {
        var detector = new CallProgressToneDetector(CallProgressToneProfile.China);
        var busy = Repeat(Concat(Tones(350, (450, -20)), Silence(350)), 4);

        Assert.True(Run(detector, Concat(InterferenceSignals.Speech(5, seed: 3), busy)));
        detector.Reset();
        Assert.False(detector.Detected);
        Assert.False(Run(detector, Silence(1000)));
    }

    [Fact]
    public void Chunk_size_does_not_matter()
    {
        var audio = Concat(Silence(123), Repeat(Concat(Tones(350, (450, -30)), Silence(350)), 3), Tones(50, (450, -30)));
        foreach (var chunk in new[] { 1, 13, 160, audio.Length })
        {
            Assert.True(Run(new CallProgressToneDetector(CallProgressToneProfile.China), audio, chunk));
        }
    }

    [Theory]
    [InlineData("Frequency1Hz")]
    [InlineData("Frequency2Hz")]
    [InlineData("On")]
    [InlineData("TimingTolerancePercent")]
    [InlineData("CyclesNeeded")]
    [InlineData("MinimumLevelDbm0")]
    public void Bad_profiles_are_refused_naming_the_field(string field)
    {
        var good = CallProgressToneProfile.China;
        var bad = field switch
        {
            "Frequency1Hz" => good with { Frequency1Hz = 4500 },
            "Frequency2Hz" => good with { Frequency2Hz = 460 },
            "On" => good with { On = TimeSpan.FromMilliseconds(10) },
            "TimingTolerancePercent" => good with { TimingTolerancePercent = 90 },
            "CyclesNeeded" => good with { CyclesNeeded = 0 },
            _ => good with { MinimumLevelDbm0 = 3 },
        };

        var error = Assert.Throws<ArgumentException>(() => new CallProgressToneDetector(bad));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static CallProgressToneProfile Profile(string name) => name switch
    {
        "China" => CallProgressToneProfile.China,
        "NorthAmerica" => CallProgressToneProfile.NorthAmerica,
        _ => CallProgressToneProfile.Europe,
    };

    private static short[] Repeat(short[] part, int times) => Enumerable.Repeat(part, times).SelectMany(p => p).ToArray();

    private static bool Run(CallProgressToneDetector detector, short[] audio, int chunk = 160)
    {
        var detected = false;
        for (var offset = 0; offset < audio.Length; offset += chunk)
        {
            detected = detector.Process(audio.AsSpan(offset, Math.Min(chunk, audio.Length - offset)));
        }

        return detected;
    }
}
