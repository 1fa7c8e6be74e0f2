using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media.Support;

/// <summary>Builds deterministic test audio (8 kHz, 16-bit) from the simulator's signal sources.</summary>
internal static class TestSignals
{
    public const int SamplesPerMs = 8;

    public static short[] Silence(double ms) => new short[(int)Math.Round(ms * SamplesPerMs)];

    /// <summary>A sum of sines, each with its own level, <paramref name="ms"/> long.</summary>
    public static short[] Tones(double ms, params (double FrequencyHz, double LevelDbm0)[] tones)
    {
        var length = (int)Math.Round(ms * SamplesPerMs);
        var sum = new double[length];
        var one = new short[length];
        foreach (var (frequency, level) in tones)
        {
            new ToneSynthesizer(frequency, 0, level).Render(one);
            for (var i = 0; i < length; i++)
            {
                sum[i] += one[i];
            }
        }

        return Array.ConvertAll(sum, AudioLevel.Saturate);
    }

    /// <summary>A DTMF key: each tone at its own level and multiplied by (1 + deviation).</summary>
    public static short[] Dtmf(char digit, double ms, double lowDbm0 = -10, double highDbm0 = double.NaN,
                               double lowDeviation = 0, double highDeviation = 0)
    {
        var (low, high) = DtmfFrequencies.For(digit);
        return Tones(ms, (low * (1 + lowDeviation), lowDbm0), (high * (1 + highDeviation), double.IsNaN(highDbm0) ? lowDbm0 : highDbm0));
    }

    /// <summary>Digits as key presses of <paramref name="toneMs"/> separated by <paramref name="pauseMs"/> of silence.</summary>
    public static short[] DtmfSequence(string digits, double toneMs, double pauseMs, double levelDbm0 = -10)
    {
        var parts = new List<short[]> { Silence(pauseMs) };
        foreach (var digit in digits)
        {
            parts.Add(Dtmf(digit, toneMs, levelDbm0));
            parts.Add(Silence(pauseMs));
        }

        return Concat(parts.ToArray());
    }

    public static short[] Concat(params short[][] parts) => parts.SelectMany(part => part).ToArray();

    /// <summary>Adds white noise whose power is <paramref name="snrDb"/> below <paramref name="signalDbm0"/>.</summary>
    public static short[] WithNoise(short[] samples, double signalDbm0, double snrDb, int seed)
    {
        var noisy = (short[])samples.Clone();
        new WhiteNoiseSource(signalDbm0 - snrDb, seed).AddTo(noisy);
        return noisy;
    }

    /// <summary>Total level of a DTMF pair whose tones are at <paramref name="perToneDbm0"/> each.</summary>
    public static double PairLevel(double perToneDbm0) => perToneDbm0 + (10 * Math.Log10(2));

    /// <summary>Runs the detector over <paramref name="audio"/> in chunks and returns every digit it reported.</summary>
    public static string DetectDigits(DtmfDetector detector, short[] audio, int chunk = 160)
    {
        var digits = new System.Text.StringBuilder();
        for (var offset = 0; offset < audio.Length; offset += chunk)
        {
            var digit = detector.Process(audio.AsSpan(offset, Math.Min(chunk, audio.Length - offset)));
            if (digit != '\0')
            {
                digits.Append(digit);
            }
        }

        // Flush: trailing silence lets a final key-up happen and drains anything queued.
        var silence = new short[160];
        for (var i = 0; i < 10; i++)
        {
            var digit = detector.Process(silence);
            if (digit != '\0')
            {
                digits.Append(digit);
            }
        }

        return digits.ToString();
    }
}
