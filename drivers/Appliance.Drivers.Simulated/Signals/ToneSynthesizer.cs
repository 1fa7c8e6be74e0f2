using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Signals;

/// <summary>
/// A phase-continuous sum of one or two sines at 8 kHz, e.g. a DTMF digit, dial tone or busy tone. Rendering in pieces of
/// any length gives exactly the same samples as rendering in one piece.
/// </summary>
public sealed class ToneSynthesizer
{
    // Phase is kept in cycles (0..1) rather than radians so that wrapping is exact and precision does not drift.
    private readonly double _cyclesPerSample1;
    private readonly double _cyclesPerSample2;
    private readonly double _peak;
    private double _phase1;
    private double _phase2;

    /// <param name="frequency1Hz">First tone, above 0 and below 4 000 Hz.</param>
    /// <param name="frequency2Hz">Second tone, or 0 for a single tone.</param>
    /// <param name="levelDbm0PerTone">Level of each tone, at most +3.14 dBm0 (the sum saturates rather than wraps).</param>
    public ToneSynthesizer(double frequency1Hz, double frequency2Hz = 0, double levelDbm0PerTone = -10)
    {
        ValidateFrequency(frequency1Hz, nameof(frequency1Hz), allowZero: false);
        ValidateFrequency(frequency2Hz, nameof(frequency2Hz), allowZero: true);
        if (!double.IsFinite(levelDbm0PerTone) || levelDbm0PerTone > SignalLevel.MaximumSineDbm0)
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbm0PerTone), levelDbm0PerTone,
                $"Tone level must be a finite number of dBm0 no higher than {SignalLevel.MaximumSineDbm0}.");
        }

        Frequency1Hz = frequency1Hz;
        Frequency2Hz = frequency2Hz;
        LevelDbm0PerTone = levelDbm0PerTone;
        _cyclesPerSample1 = frequency1Hz / LineAudio.SampleRate;
        _cyclesPerSample2 = frequency2Hz / LineAudio.SampleRate;
        _peak = SignalLevel.SinePeak(levelDbm0PerTone);
    }

    /// <summary>First frequency in Hz.</summary>
    public double Frequency1Hz { get; }

    /// <summary>Second frequency in Hz, 0 when single.</summary>
    public double Frequency2Hz { get; }

    /// <summary>Level of each tone in dBm0.</summary>
    public double LevelDbm0PerTone { get; }

    /// <summary>Writes the next samples of the tone over <paramref name="destination"/>.</summary>
    public void Render(Span<short> destination)
    {
        var twoTones = _cyclesPerSample2 > 0;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = Math.Sin(2.0 * Math.PI * _phase1);
            if (twoTones)
            {
                value += Math.Sin(2.0 * Math.PI * _phase2);
                _phase2 = Wrap(_phase2 + _cyclesPerSample2);
            }

            _phase1 = Wrap(_phase1 + _cyclesPerSample1);
            destination[i] = SignalLevel.Saturate(value * _peak);
        }
    }

    /// <summary>Starts the tone again from phase zero.</summary>
    public void Reset()
    {
        _phase1 = 0;
        _phase2 = 0;
    }

    private static double Wrap(double phase) => phase >= 1.0 ? phase - 1.0 : phase;

    private static void ValidateFrequency(double frequencyHz, string parameterName, bool allowZero)
    {
        var nyquist = LineAudio.SampleRate / 2.0;
        var valid = double.IsFinite(frequencyHz) && frequencyHz < nyquist && (frequencyHz > 0 || (allowZero && frequencyHz == 0));
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(parameterName, frequencyHz,
                $"Frequency must be above 0 and below {nyquist} Hz{(allowZero ? " (or 0 for none)" : string.Empty)}.");
        }
    }
}
