namespace Appliance.Drivers.Simulated.Signals;

/// <summary>
/// Deterministic white (Gaussian) noise at a given level, for comfort noise on a simulated line and for tests that need
/// a known signal-to-noise ratio. The same seed gives the same samples.
/// </summary>
public sealed class WhiteNoiseSource
{
    private readonly Random _random;
    private readonly double _rms;
    private double _spare;
    private bool _hasSpare;

    /// <param name="levelDbm0">Mean power of the noise in dBm0 (at most 0 so that clipping stays negligible).</param>
    /// <param name="seed">Seed of the generator.</param>
    public WhiteNoiseSource(double levelDbm0, int seed = 1)
    {
        if (!double.IsFinite(levelDbm0) || levelDbm0 > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbm0), levelDbm0, "Noise level must be a finite number of dBm0 no higher than 0.");
        }

        _random = new Random(seed);
        _rms = SignalLevel.Rms(levelDbm0);
    }

    /// <summary>Writes noise over <paramref name="destination"/>.</summary>
    public void Render(Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = SignalLevel.Saturate(NextGaussian() * _rms);
        }
    }

    /// <summary>Adds noise to what <paramref name="destination"/> already holds, saturating.</summary>
    public void AddTo(Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = SignalLevel.Saturate(destination[i] + (NextGaussian() * _rms));
        }
    }

    // Box-Muller, keeping the second value of each pair.
    private double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2.0 * Math.PI * u2);
        _hasSpare = true;
        return radius * Math.Cos(2.0 * Math.PI * u2);
    }
}
