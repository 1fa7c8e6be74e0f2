using Appliance.Hal.Lines;

namespace Appliance.Telephony.Media;

/// <summary>Offline measurements on a block of 8 kHz audio (for checks and tests, not for per-frame media work).</summary>
public static class ToneAnalysis
{
    private const int MaximumScanSteps = 100_000;

    /// <summary>
    /// Level in dBm0 of the component of <paramref name="samples"/> at <paramref name="frequencyHz"/> (Goertzel over the whole
    /// block, normalised so that a sine at that frequency reads its own level). Leakage from other frequencies falls off with
    /// the block length: use at least 20 ms.
    /// </summary>
    /// <exception cref="ArgumentException">The block is empty or the frequency is not within 0..4000 Hz.</exception>
    public static double PowerDbm0(ReadOnlySpan<short> samples, double frequencyHz)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("Cannot measure a tone in an empty block of samples.", nameof(samples));
        }

        ValidateFrequency(frequencyHz, nameof(frequencyHz));
        return AudioLevel.PowerToDbm0(Goertzel(samples, frequencyHz));
    }

    /// <summary>The frequency between <paramref name="fromHz"/> and <paramref name="toHz"/> (stepping by
    /// <paramref name="stepHz"/>) at which <paramref name="samples"/> holds the most power.</summary>
    /// <exception cref="ArgumentException">Empty block, a bad range or step.</exception>
    public static double DominantFrequency(ReadOnlySpan<short> samples, double fromHz, double toHz, double stepHz)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("Cannot find a frequency in an empty block of samples.", nameof(samples));
        }

        ValidateFrequency(fromHz, nameof(fromHz));
        ValidateFrequency(toHz, nameof(toHz));
        if (toHz < fromHz)
        {
            throw new ArgumentException($"The range {fromHz}..{toHz} Hz is empty: toHz must not be below fromHz.", nameof(toHz));
        }

        if (!double.IsFinite(stepHz) || stepHz <= 0 || (toHz - fromHz) / stepHz > MaximumScanSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(stepHz), stepHz,
                $"Step must be positive and give at most {MaximumScanSteps} steps over the range.");
        }

        var best = fromHz;
        var bestPower = double.NegativeInfinity;
        for (var frequency = fromHz; frequency <= toHz + (stepHz * 1e-9); frequency += stepHz)
        {
            var power = Goertzel(samples, frequency);
            if (power > bestPower)
            {
                bestPower = power;
                best = frequency;
            }
        }

        return best;
    }

    // Mean power of the sine component: 2 |X|^2 / N^2 where X is the DFT at the frequency.
    private static double Goertzel(ReadOnlySpan<short> samples, double frequencyHz)
    {
        var omega = 2.0 * Math.PI * frequencyHz / LineAudio.SampleRate;
        var coefficient = 2.0 * Math.Cos(omega);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var squaredMagnitude = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        var n = (double)samples.Length;
        var power = 2.0 * squaredMagnitude / (n * n);
        // At 0 Hz the component is not a sine: its power is X^2 / N^2 (the DC level squared).
        return frequencyHz == 0 ? power / 2.0 : power;
    }

    private static void ValidateFrequency(double frequencyHz, string name)
    {
        if (!double.IsFinite(frequencyHz) || frequencyHz < 0 || frequencyHz > LineAudio.SampleRate / 2.0)
        {
            throw new ArgumentOutOfRangeException(name, frequencyHz, $"Frequency must be within 0..{LineAudio.SampleRate / 2} Hz.");
        }
    }
}
