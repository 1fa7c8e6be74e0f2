using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Audio;

/// <summary>
/// An endless phase-continuous tone: what a simulated agent "says", and the box's hold beep.
/// Uses a recursive oscillator so a frame costs a few multiplies and no allocation.
/// </summary>
public sealed class SineSource : IAudioSource
{
    private readonly double _coefficient;
    private readonly double _amplitude;
    private double _previous;
    private double _current;

    /// <summary>Creates a tone of <paramref name="frequencyHz"/> at <paramref name="levelDbm0"/> (0 dBm0 = 22,813 peak).</summary>
    public SineSource(double frequencyHz, double levelDbm0 = -12)
    {
        var omega = 2 * Math.PI * frequencyHz / 8000.0;
        _coefficient = 2 * Math.Cos(omega);
        _amplitude = 22_813 * Math.Pow(10, levelDbm0 / 20);
        _previous = -Math.Sin(omega);
        _current = 0;
    }

    /// <inheritdoc />
    public bool Read(Span<short> frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(_current * _amplitude);
            var next = (_coefficient * _current) - _previous;
            _previous = _current;
            _current = next;
        }

        // Renormalise once a frame so rounding cannot let the oscillator's amplitude drift over a long call.
        var magnitude = Math.Sqrt((_current * _current) + (_previous * _previous) - (_coefficient * _current * _previous));
        var scale = magnitude > 0 ? Math.Sin(Math.Acos(_coefficient / 2)) / magnitude : 1;
        _current *= scale;
        _previous *= scale;
        return true;
    }
}
