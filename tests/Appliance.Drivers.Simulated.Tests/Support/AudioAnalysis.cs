namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>Test-side measurements of 8 kHz audio. 0 dBm0 = a sine of peak 22 813.</summary>
internal static class AudioAnalysis
{
    private const double ZeroDbm0Peak = 22_813.0;
    private const double SampleRate = 8000.0;

    /// <summary>Level of the component at <paramref name="frequencyHz"/> (Goertzel), in dBm0 of an equivalent sine.</summary>
    public static double ToneDbm0(ReadOnlySpan<short> samples, double frequencyHz)
    {
        if (samples.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        var coefficient = 2.0 * Math.Cos(2.0 * Math.PI * frequencyHz / SampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        var amplitude = 2.0 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
        return 20.0 * Math.Log10(Math.Max(amplitude, 1e-9) / ZeroDbm0Peak);
    }

    /// <summary>Mean power in dBm0.</summary>
    public static double LevelDbm0(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        var meanSquare = sum / samples.Length;
        return 10.0 * Math.Log10(Math.Max(meanSquare, 1e-9) / (ZeroDbm0Peak * ZeroDbm0Peak / 2.0));
    }

    /// <summary>Index of the first sample whose magnitude exceeds <paramref name="threshold"/>, or -1.</summary>
    public static int FirstAbove(ReadOnlySpan<short> samples, int threshold)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (Math.Abs((int)samples[i]) > threshold)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Splits audio into on/off runs by block level (10 ms blocks), returning each run's state and
    /// length in milliseconds. Used to measure tone cadences.
    /// </summary>
    public static List<(bool On, int Milliseconds)> Cadence(ReadOnlySpan<short> samples, double onThresholdDbm0 = -40)
    {
        const int block = 80;
        var runs = new List<(bool On, int Milliseconds)>();
        for (var start = 0; start + block <= samples.Length; start += block)
        {
            var on = LevelDbm0(samples.Slice(start, block)) > onThresholdDbm0;
            if (runs.Count > 0 && runs[^1].On == on)
            {
                runs[^1] = (on, runs[^1].Milliseconds + 10);
            }
            else
            {
                runs.Add((on, 10));
            }
        }

        return runs;
    }
}
