using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Benchmarks.Media;

/// <summary>One second of deterministic test audio for the media benchmarks.</summary>
internal static class BenchmarkAudio
{
    public const int SamplesPerSecond = 8000;

    /// <summary>Ten key presses (50 ms tone, 50 ms pause) at -15 dBm0 per tone with white noise 20 dB down: a busy second.</summary>
    public static short[] DtmfSecond()
    {
        var audio = new short[SamplesPerSecond];
        const string digits = "1593574862";
        for (var i = 0; i < digits.Length; i++)
        {
            var (low, high) = DtmfFrequencies.For(digits[i]);
            new ToneSynthesizer(low, high, -15).Render(audio.AsSpan(i * 800, 400));
        }

        new WhiteNoiseSource(-32, seed: 7).AddTo(audio);
        return audio;
    }

    /// <summary>Speech-level noise and tones that are not DTMF: what the detector sees most of the time.</summary>
    public static short[] TalkSecond()
    {
        var audio = new short[SamplesPerSecond];
        new ToneSynthesizer(220, 660, -20).Render(audio);
        new WhiteNoiseSource(-25, seed: 3).AddTo(audio);
        return audio;
    }
}
