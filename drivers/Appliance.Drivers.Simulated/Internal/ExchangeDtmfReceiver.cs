using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// The exchange's register: decodes the DTMF digits a seized line sends (ITU-T Q.23 pairs) from the audio alone.
/// A 20 ms window slides in 10 ms steps; a window holds a key when one row and one column frequency (Goertzel at the
/// exact frequencies) are each above the level floor, clearly above the others of their group, and together carry
/// most of the window's energy. Two such windows in a row press the key (a 40 ms tone, Q.24's shortest, always gives
/// two); two windows without it release it.
/// </summary>
internal sealed class ExchangeDtmfReceiver
{
    private const int WindowSamples = LineAudio.FrameSamples;
    private const int StepSamples = WindowSamples / 2;
    private const double MinimumShare = 0.7;
    private const double GroupDominance = 4; // the strongest of a group at least 6 dB above the runner-up
    private const int WindowsToPress = 2;
    private const int WindowsToRelease = 2;
    private static readonly double FloorPower = SignalLevel.ZeroDbm0Power * Math.Pow(10, -35 / 10.0);

    private readonly short[] _ring = new short[WindowSamples];
    private readonly short[] _window = new short[WindowSamples];
    private readonly double[] _lowPower = new double[4];
    private readonly double[] _highPower = new double[4];
    private int _next;
    private int _filled;
    private int _sinceStep;
    private char _candidate;
    private int _candidateWindows;
    private char _held;
    private int _missing;

    /// <summary>Feeds one frame; returns the digit pressed in it, or '\0'.</summary>
    public char Process(ReadOnlySpan<short> frame)
    {
        var pressed = '\0';
        foreach (var sample in frame)
        {
            _ring[_next] = sample;
            _next = (_next + 1) % WindowSamples;
            _filled = Math.Min(_filled + 1, WindowSamples);
            if (++_sinceStep == StepSamples)
            {
                _sinceStep = 0;
                if (_filled == WindowSamples)
                {
                    // Oldest sample first, so the Goertzel sees the window in time order.
                    _ring.AsSpan(_next).CopyTo(_window);
                    _ring.AsSpan(0, _next).CopyTo(_window.AsSpan(WindowSamples - _next));
                    var digit = Step(Classify());
                    pressed = digit != '\0' ? digit : pressed;
                }
            }
        }

        return pressed;
    }

    private char Step(char seen)
    {
        if (_held != '\0')
        {
            _missing = seen == _held ? 0 : _missing + 1;
            if (_missing < WindowsToRelease)
            {
                return '\0';
            }

            _held = '\0';
        }

        _candidateWindows = seen != '\0' && seen == _candidate ? _candidateWindows + 1 : 1;
        _candidate = seen;
        if (seen == '\0' || _candidateWindows < WindowsToPress)
        {
            return '\0';
        }

        _held = seen;
        _missing = 0;
        return seen;
    }

    private char Classify()
    {
        double total = 0;
        foreach (var sample in _window)
        {
            total += sample * (double)sample;
        }

        total /= WindowSamples;
        if (total < FloorPower)
        {
            return '\0';
        }

        var low = Strongest(DtmfFrequencies.LowGroup, _lowPower);
        var high = Strongest(DtmfFrequencies.HighGroup, _highPower);
        if (low < 0 || high < 0 || _lowPower[low] + _highPower[high] < total * MinimumShare)
        {
            return '\0';
        }

        return DtmfFrequencies.Keys[(low * 4) + high];
    }

    private int Strongest(IReadOnlyList<double> frequencies, double[] powers)
    {
        var best = 0;
        for (var i = 0; i < frequencies.Count; i++)
        {
            powers[i] = Goertzel(frequencies[i]);
            best = powers[i] > powers[best] ? i : best;
        }

        for (var i = 0; i < powers.Length; i++)
        {
            if (i != best && powers[i] * GroupDominance > powers[best])
            {
                return -1;
            }
        }

        return powers[best] >= FloorPower ? best : -1;
    }

    // Mean power of the window's component at the frequency: a sine there reads its own power.
    private double Goertzel(double frequencyHz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequencyHz / LineAudio.SampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in _window)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var magnitudeSquared = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * magnitudeSquared / ((double)WindowSamples * WindowSamples);
    }
}
