namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// A Kaiser-windowed sinc low-pass, tabulated finely enough to be read at any fractional offset with linear
/// interpolation (so one table serves every phase of an arbitrary rate ratio). Designed in seconds, not samples:
/// <see cref="At"/> gives the continuous impulse response h(τ), whose integral is 1 (unity gain at DC).
/// </summary>
internal sealed class LowPassKernel
{
    // 80 dB stopband: below the 16-bit noise floor of a telephone prompt, and aliases that low are inaudible.
    private const double StopbandAttenuationDb = 80;
    private const int PointsPerZeroCrossing = 512;
    private readonly double[] _table;
    private readonly double _pointsPerSecond;

    /// <param name="cutoffHz">The -6 dB point: the middle of the transition band.</param>
    /// <param name="transitionHz">Width of the band from passband edge to stopband edge.</param>
    public LowPassKernel(double cutoffHz, double transitionHz)
    {
        // Kaiser's design formulas (Oppenheim & Schafer): β from the attenuation, length from attenuation and width.
        var beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        HalfWidthSeconds = (StopbandAttenuationDb - 8) / (2.285 * 2 * Math.PI * transitionHz) / 2;
        _pointsPerSecond = 2 * cutoffHz * PointsPerZeroCrossing;
        _table = new double[(int)Math.Ceiling(HalfWidthSeconds * _pointsPerSecond) + 2];
        var i0Beta = BesselI0(beta);
        for (var i = 0; i < _table.Length; i++)
        {
            var tau = i / _pointsPerSecond;
            var ratio = tau / HalfWidthSeconds;
            var window = ratio >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - (ratio * ratio))) / i0Beta;
            _table[i] = 2 * cutoffHz * Sinc(2 * cutoffHz * tau) * window;
        }
    }

    /// <summary>h(τ) is zero for |τ| beyond this.</summary>
    public double HalfWidthSeconds { get; }

    /// <summary>The impulse response at <paramref name="seconds"/> from its centre.</summary>
    public double At(double seconds)
    {
        var position = Math.Abs(seconds) * _pointsPerSecond;
        var index = (int)position;
        if (index >= _table.Length - 1)
        {
            return 0;
        }

        var fraction = position - index;
        return _table[index] + ((_table[index + 1] - _table[index]) * fraction);
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // Modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 10).
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50 && term > sum * 1e-17; k++)
        {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }

        return sum;
    }
}
