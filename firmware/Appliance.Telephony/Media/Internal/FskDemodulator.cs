namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Non-coherent 1200 baud FSK detector: per sample, the energy at the mark frequency minus the energy at the space frequency,
/// each measured by correlating the last seven samples (about one bit) with a complex tone. Positive means mark. Also
/// tracks whether there is any carrier at all (a smoothed power above a floor).
/// </summary>
internal sealed class FskDemodulator
{
    public const int Taps = 7;

    private const double PowerSmoothing = 1.0 / 32;

    private readonly float[] _markCos = new float[Taps];
    private readonly float[] _markSin = new float[Taps];
    private readonly float[] _spaceCos = new float[Taps];
    private readonly float[] _spaceSin = new float[Taps];
    // Each sample is stored twice, Taps apart, so the last Taps samples are always contiguous.
    private readonly float[] _history = new float[Taps * 2];
    private readonly double _minimumPower;
    private int _position;
    private double _power;

    public FskDemodulator(double markHz, double spaceHz, int sampleRate, double minimumPower)
    {
        _minimumPower = minimumPower;
        for (var m = 0; m < Taps; m++)
        {
            _markCos[m] = (float)Math.Cos(2 * Math.PI * markHz * m / sampleRate);
            _markSin[m] = (float)Math.Sin(2 * Math.PI * markHz * m / sampleRate);
            _spaceCos[m] = (float)Math.Cos(2 * Math.PI * spaceHz * m / sampleRate);
            _spaceSin[m] = (float)Math.Sin(2 * Math.PI * spaceHz * m / sampleRate);
        }
    }

    /// <summary>Takes one sample; returns mark energy minus space energy over the last <see cref="Taps"/> samples.</summary>
    public float Next(short sample, out bool carrier)
    {
        _position = _position == Taps - 1 ? 0 : _position + 1;
        _history[_position] = sample;
        _history[_position + Taps] = sample;
        _power += ((sample * (double)sample) - _power) * PowerSmoothing;
        carrier = _power >= _minimumPower;

        var window = _history.AsSpan(_position + 1, Taps);
        float markReal = 0, markImaginary = 0, spaceReal = 0, spaceImaginary = 0;
        for (var m = 0; m < Taps; m++)
        {
            var x = window[m];
            markReal += x * _markCos[m];
            markImaginary += x * _markSin[m];
            spaceReal += x * _spaceCos[m];
            spaceImaginary += x * _spaceSin[m];
        }

        return (markReal * markReal) + (markImaginary * markImaginary) - (spaceReal * spaceReal) - (spaceImaginary * spaceImaginary);
    }

    public void Reset()
    {
        Array.Clear(_history);
        _position = 0;
        _power = 0;
    }
}
