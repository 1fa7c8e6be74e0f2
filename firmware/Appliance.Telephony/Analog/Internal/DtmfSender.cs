using Appliance.Hal.Lines;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Analog.Internal;

/// <summary>Renders a number as DTMF: each key its ITU-T Q.23 row and column pair for the tone time, then the pause.</summary>
internal sealed class DtmfSender
{
    private const string Keys = "123A456B789C*0#D";
    private static readonly double[] Rows = [697, 770, 852, 941];
    private static readonly double[] Columns = [1209, 1336, 1477, 1633];

    private readonly string _number;
    private readonly int _toneSamples;
    private readonly int _digitSamples;
    private readonly double _peak;
    private int _digit;
    private int _position;
    private double _row;
    private double _column;

    public DtmfSender(string number, int toneMilliseconds, int pauseMilliseconds, double levelDbm0)
    {
        _number = number;
        _toneSamples = toneMilliseconds * LineAudio.SampleRate / 1000;
        _digitSamples = _toneSamples + (pauseMilliseconds * LineAudio.SampleRate / 1000);
        _peak = AudioLevel.SinePeak(levelDbm0);
    }

    /// <summary>True once every digit and its pause has been sent.</summary>
    public bool IsFinished => _digit >= _number.Length;

    /// <summary>Whether <paramref name="key"/> can be sent.</summary>
    public static bool CanSend(char key) => key != '\0' && Keys.Contains(key, StringComparison.Ordinal);

    /// <summary>Fills the next frame (silence once finished).</summary>
    public void Render(Span<short> frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            if (IsFinished)
            {
                frame[i..].Clear();
                return;
            }

            frame[i] = _position < _toneSamples ? Sample(_position) : (short)0;
            if (++_position == _digitSamples)
            {
                _position = 0;
                _digit++;
            }
        }
    }

    // Each tone starts at phase zero, like a keypad's oscillators switched on for the key.
    private short Sample(int position)
    {
        if (position == 0)
        {
            var index = Keys.IndexOf(_number[_digit], StringComparison.Ordinal);
            (_row, _column) = (Rows[index / 4], Columns[index % 4]);
        }

        var t = position / (double)LineAudio.SampleRate;
        var value = Math.Sin(2 * Math.PI * _row * t) + Math.Sin(2 * Math.PI * _column * t);
        return AudioLevel.Saturate(value * _peak);
    }
}
