using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public class DtmfDetectorTests
{
    private const string AllKeys = "123A456B789C*0#D";

    [Theory]
    [InlineData(-10)]
    [InlineData(-18)]
    [InlineData(-25)]
    public void Every_key_is_recognised_once_per_press(double level)
    {
        var audio = DtmfSequence(AllKeys, toneMs: 60, pauseMs: 60, level);
        Assert.Equal(AllKeys, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void A_key_held_for_two_seconds_is_one_digit()
    {
        var audio = Concat(Silence(30), Dtmf('5', 2000), Silence(100));
        Assert.Equal("5", DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Process_returns_the_digit_in_the_chunk_that_completes_the_key_down_and_tracks_the_held_key()
    {
        var detector = new DtmfDetector();
        var frame = new short[160];
        Assert.Equal('\0', detector.Process(frame));
        var tone = Dtmf('9', 200);
        Assert.Equal('\0', detector.Process(tone.AsSpan(0, 160)));   // 20 ms: not yet a key-down
        Assert.Equal('9', detector.Process(tone.AsSpan(160, 160)));  // 40 ms: recognised
        Assert.Equal('9', detector.HeldDigit);
        Assert.Equal('\0', detector.Process(tone.AsSpan(320, 160))); // still held: no repeat
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal('\0', detector.Process(frame));
        }

        Assert.Equal('\0', detector.HeldDigit);
    }

    // Q.24: the receiver shall accept a frequency deviation of ±1.5 % and reject ±3.5 %.
    [Theory]
    [InlineData(0.015, 0.015)]
    [InlineData(-0.015, -0.015)]
    [InlineData(0.015, -0.015)]
    [InlineData(-0.015, 0.015)]
    public void Deviation_of_1_5_percent_is_accepted(double lowDeviation, double highDeviation)
    {
        foreach (var digit in AllKeys)
        {
            var audio = Concat(Silence(50), Dtmf(digit, 50, -15, -15, lowDeviation, highDeviation), Silence(80));
            Assert.Equal(digit.ToString(), DetectDigits(new DtmfDetector(), audio));
        }
    }

    [Theory]
    [InlineData(0.035, 0)]
    [InlineData(-0.035, 0)]
    [InlineData(0, 0.035)]
    [InlineData(0, -0.035)]
    [InlineData(0.05, 0)]
    [InlineData(0, -0.06)]
    [InlineData(0.05, 0.05)]
    [InlineData(-0.06, 0)]
    public void Deviation_of_3_5_percent_or_more_is_rejected(double lowDeviation, double highDeviation)
    {
        foreach (var digit in AllKeys)
        {
            var audio = Concat(Silence(50), Dtmf(digit, 100, -15, -15, lowDeviation, highDeviation), Silence(80));
            Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
        }
    }

    // Q.24: tones of 40 ms and more are accepted, 23 ms and less rejected, whatever their alignment with the analysis blocks.
    [Fact]
    public void Tones_of_40_ms_are_accepted_at_every_alignment()
    {
        foreach (var digit in AllKeys)
        {
            for (var offset = 0; offset < 32; offset += 3)
            {
                var audio = Concat(Silence(offset / 8.0), Dtmf(digit, 40, -20), Silence(80));
                Assert.Equal(digit.ToString(), DetectDigits(new DtmfDetector(), audio));
            }
        }
    }

    [Theory]
    [InlineData(23)]
    [InlineData(20)]
    [InlineData(10)]
    public void Short_tones_are_rejected_at_every_alignment(double ms)
    {
        foreach (var digit in AllKeys)
        {
            for (var offset = 0; offset < 32; offset += 3)
            {
                var audio = Concat(Silence(offset / 8.0), Dtmf(digit, ms, -10), Silence(80));
                Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
            }
        }
    }

    [Fact]
    public void Pauses_of_40_ms_separate_digits_even_repeated_ones()
    {
        const string digits = "1155999#00*D";
        var audio = DtmfSequence(digits, toneMs: 40, pauseMs: 40, levelDbm0: -18);
        Assert.Equal(digits, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void A_10_ms_interruption_does_not_split_a_digit()
    {
        var audio = Concat(Silence(20), Dtmf('7', 60), Silence(10), Dtmf('7', 60), Silence(100));
        Assert.Equal("7", DetectDigits(new DtmfDetector(), audio));
    }

    // Twist: the high group up to 4 dB stronger, the low group up to 8 dB stronger.
    [Theory]
    [InlineData(-14, -10)]
    [InlineData(-25, -21)]
    [InlineData(-10, -18)]
    [InlineData(-17, -25)]
    public void Twist_within_Q24_limits_is_accepted(double low, double high)
    {
        foreach (var digit in AllKeys)
        {
            var audio = Concat(Silence(20), Dtmf(digit, 50, low, high), Silence(80));
            Assert.Equal(digit.ToString(), DetectDigits(new DtmfDetector(), audio));
        }
    }

    [Theory]
    [InlineData(-20, -10)]
    [InlineData(-10, -24)]
    public void Excessive_twist_is_rejected(double low, double high)
    {
        var audio = Concat(Silence(20), Dtmf('5', 100, low, high), Silence(80));
        Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void A_DC_offset_from_the_line_does_not_hide_weak_digits()
    {
        var audio = DtmfSequence("2580", 50, 50, -25);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] += 800; // about -26 dBm0 of DC: without removing it the tones would hold only 72 % of the power
        }

        Assert.Equal("2580", DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Tones_below_the_minimum_level_are_ignored()
    {
        var audio = Concat(Silence(20), Dtmf('5', 100, -40), Silence(80));
        Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
    }

    [Theory]
    [InlineData(-10, 1)]
    [InlineData(-18, 2)]
    [InlineData(-25, 3)]
    [InlineData(-25, 4)]
    public void Digits_survive_white_noise_15_dB_below_the_signal(double perTone, int seed)
    {
        const string digits = "0123456789*#ABCD9876";
        var audio = WithNoise(DtmfSequence(digits, toneMs: 50, pauseMs: 50, perTone), PairLevel(perTone), snrDb: 15, seed);
        Assert.Equal(digits, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Minimum_timing_survives_white_noise_15_dB_below_the_signal()
    {
        const string digits = "1593574862";
        var audio = WithNoise(DtmfSequence(digits, toneMs: 40, pauseMs: 40, -20), PairLevel(-20), snrDb: 15, seed: 9);
        Assert.Equal(digits, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Speech_like_signals_give_no_digits()
    {
        var audio = InterferenceSignals.Speech(seconds: 180, seed: 24);
        Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Music_like_signals_give_no_digits()
    {
        var audio = InterferenceSignals.Music(seconds: 120, seed: 23);
        Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Noise_gives_no_digits()
    {
        var audio = InterferenceSignals.Noise(seconds: 60, seed: 711);
        Assert.Equal(string.Empty, DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Full_scale_square_wave_and_garbage_give_no_digits_and_never_throw()
    {
        var random = new Random(3);
        var audio = new short[8000 * 5];
        for (var i = 0; i < audio.Length; i++)
        {
            // A full-scale 440 Hz square wave (its harmonics reach into the high group), then random full-scale samples.
            audio[i] = i < 20_000
                ? (Math.Sin(2 * Math.PI * 440 * i / 8000) >= 0 ? short.MaxValue : short.MinValue)
                : (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var detector = new DtmfDetector();
        Assert.Equal('\0', detector.Process([]));
        Assert.Equal(string.Empty, DetectDigits(detector, audio));
    }

    [Fact]
    public void Digits_are_still_found_between_speech()
    {
        var audio = Concat(InterferenceSignals.Speech(2, 5), DtmfSequence("42", 60, 60, -15), InterferenceSignals.Speech(2, 6));
        Assert.Equal("42", DetectDigits(new DtmfDetector(), audio));
    }

    [Fact]
    public void Chunk_size_does_not_change_the_result()
    {
        var audio = WithNoise(DtmfSequence("8#3C0", 45, 45, -20), PairLevel(-20), 20, seed: 3);
        var expected = DetectDigits(new DtmfDetector(), audio, chunk: 160);
        Assert.Equal("8#3C0", expected);
        foreach (var chunk in new[] { 1, 7, 33, 1000, audio.Length })
        {
            Assert.Equal(expected, DetectDigits(new DtmfDetector(), audio, chunk));
        }
    }

    [Fact]
    public void Reset_forgets_a_half_received_key()
    {
        var detector = new DtmfDetector();
        detector.Process(Dtmf('3', 25));
        detector.Reset();
        Assert.Equal(string.Empty, DetectDigits(detector, Concat(Dtmf('3', 20), Silence(100))));
    }

    [Theory]
    [InlineData(nameof(DtmfDetectorOptions.MinimumToneLevelDbm0), -70.0)]
    [InlineData(nameof(DtmfDetectorOptions.MaximumHighGroupExcessDb), -1.0)]
    [InlineData(nameof(DtmfDetectorOptions.MaximumLowGroupExcessDb), double.NaN)]
    [InlineData(nameof(DtmfDetectorOptions.FrequencyTolerancePercent), 5.0)]
    public void Bad_options_are_refused_naming_the_setting(string setting, double value)
    {
        var options = new DtmfDetectorOptions();
        typeof(DtmfDetectorOptions).GetProperty(setting)!.SetValue(options, value);

        var error = Assert.Throws<ArgumentException>(() => new DtmfDetector(options));
        Assert.Contains($"Telephony:Dtmf:{setting}", error.Message, StringComparison.Ordinal);
        Assert.True(new DtmfDetectorOptionsValidator().Validate(null, options).Failed);
        Assert.True(new DtmfDetectorOptionsValidator().Validate(null, new DtmfDetectorOptions()).Succeeded);
    }
}
