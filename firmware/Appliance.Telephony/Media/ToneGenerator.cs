using Appliance.Hal.Lines;

namespace Appliance.Telephony.Media;

/// <summary>
/// The box's own tones (beeps, ringback to a caller, busy): one or two sines, phase-continuous across calls, switched by a
/// cadence of alternating on/off times that repeats or plays once. Renders into caller-supplied spans without allocating.
/// </summary>
public sealed class ToneGenerator
{
    private readonly double _cyclesPerSample1;
    private readonly double _cyclesPerSample2;
    private readonly double _peak;
    private readonly long[] _cadenceSamples;
    private readonly long _cycleSamples;
    private double _phase1;
    private double _phase2;
    private long _position;

    /// <param name="frequency1Hz">First tone (above 0, below 4000 Hz).</param>
    /// <param name="frequency2Hz">Second tone, or 0.</param>
    /// <param name="levelDbm0">Level of each tone (at most +3 dBm0).</param>
    /// <param name="cadence">Alternating on, off, on, off... times; empty for a continuous tone.</param>
    /// <param name="repeat">Whether the cadence repeats; if not, silence follows it.</param>
    /// <exception cref="ArgumentException">A frequency, level or cadence time is out of range.</exception>
    public ToneGenerator(double frequency1Hz, double frequency2Hz = 0, double levelDbm0 = -13, TimeSpan[]? cadence = null, bool repeat = true)
    {
        CheckFrequency(frequency1Hz, nameof(frequency1Hz), allowZero: false);
        CheckFrequency(frequency2Hz, nameof(frequency2Hz), allowZero: true);
        if (!double.IsFinite(levelDbm0) || levelDbm0 > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbm0), levelDbm0, "Tone level must be a finite number of dBm0 no higher than +3.");
        }

        cadence ??= [];
        _cadenceSamples = new long[cadence.Length];
        for (var i = 0; i < cadence.Length; i++)
        {
            if (cadence[i] <= TimeSpan.Zero || cadence[i] > TimeSpan.FromMinutes(10))
            {
                throw new ArgumentOutOfRangeException(nameof(cadence), cadence[i], $"Cadence time {i} must be above zero and at most 10 minutes.");
            }

            _cadenceSamples[i] = (long)Math.Round(cadence[i].TotalSeconds * LineAudio.SampleRate);
            _cycleSamples += _cadenceSamples[i];
        }

        Repeats = repeat;
        _cyclesPerSample1 = frequency1Hz / LineAudio.SampleRate;
        _cyclesPerSample2 = frequency2Hz / LineAudio.SampleRate;
        _peak = AudioLevel.SinePeak(levelDbm0);
    }

    /// <summary>Whether the cadence repeats.</summary>
    public bool Repeats { get; }

    /// <summary>True once a non-repeating cadence has played to its end.</summary>
    public bool IsFinished => !Repeats && _cycleSamples > 0 && _position >= _cycleSamples;

    /// <summary>A short confirmation beep: 1000 Hz, 200 ms, -13 dBm0, once.</summary>
    public static ToneGenerator Beep() => new(1000, 0, -13, [TimeSpan.FromMilliseconds(200)], repeat: false);

    /// <summary>Ringback as Chinese exchanges send it: 450 Hz, 1 s on, 4 s off.</summary>
    public static ToneGenerator ChinaRingback() => new(450, 0, -13, [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)]);

    /// <summary>North American ringback: 440 + 480 Hz, 2 s on, 4 s off.</summary>
    public static ToneGenerator NorthAmericaRingback() => new(440, 480, -19, [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>Writes the next samples of the tone over <paramref name="destination"/>.</summary>
    public void Render(Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            double value = 0;
            if (IsOn())
            {
                value = Math.Sin(2.0 * Math.PI * _phase1);
                if (_cyclesPerSample2 > 0)
                {
                    value += Math.Sin(2.0 * Math.PI * _phase2);
                }
            }

            // The oscillators run on through the silences so that each burst continues the phase.
            _phase1 = Wrap(_phase1 + _cyclesPerSample1);
            _phase2 = Wrap(_phase2 + _cyclesPerSample2);
            _position++;
            destination[i] = AudioLevel.Saturate(value * _peak);
        }
    }

    /// <summary>Starts the cadence and the phase from the beginning.</summary>
    public void Reset()
    {
        _phase1 = 0;
        _phase2 = 0;
        _position = 0;
    }

    private bool IsOn()
    {
        if (_cycleSamples == 0)
        {
            return true;
        }

        if (!Repeats && _position >= _cycleSamples)
        {
            return false;
        }

        var within = _position % _cycleSamples;
        for (var i = 0; i < _cadenceSamples.Length; i++)
        {
            if (within < _cadenceSamples[i])
            {
                return i % 2 == 0;
            }

            within -= _cadenceSamples[i];
        }

        return false;
    }

    private static double Wrap(double phase) => phase >= 1.0 ? phase - 1.0 : phase;

    private static void CheckFrequency(double frequencyHz, string name, bool allowZero)
    {
        var valid = double.IsFinite(frequencyHz) && frequencyHz < LineAudio.SampleRate / 2.0
            && (frequencyHz > 0 || (allowZero && frequencyHz == 0));
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, frequencyHz,
                $"Frequency must be above 0 and below {LineAudio.SampleRate / 2} Hz{(allowZero ? " (or 0 for none)" : string.Empty)}.");
        }
    }
}
