using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// A call-progress tone with its on/off cadence, rendered sample-accurately: busy-tone halves
/// such as 350 ms are not whole 20 ms frames, and a detector measures the cadence.
/// </summary>
internal sealed class CadencedTone
{
    private readonly ToneSynthesizer _synthesizer;
    private readonly int _onSamples;
    private readonly int _cycleSamples;
    private int _position;

    public CadencedTone(CallProgressTone tone)
    {
        _synthesizer = new ToneSynthesizer(tone.Frequency1Hz, tone.Frequency2Hz, tone.LevelDbm0PerTone);
        _onSamples = ToSamples(tone.On);
        _cycleSamples = _onSamples + ToSamples(tone.Off);
    }

    /// <summary>Starts again at the beginning of an "on" period.</summary>
    public void Restart()
    {
        _position = 0;
        _synthesizer.Reset();
    }

    public void Render(Span<short> destination)
    {
        if (_cycleSamples == _onSamples)
        {
            _synthesizer.Render(destination);
            return;
        }

        var written = 0;
        while (written < destination.Length)
        {
            var remainingInPhase = _position < _onSamples ? _onSamples - _position : _cycleSamples - _position;
            var count = Math.Min(remainingInPhase, destination.Length - written);
            var chunk = destination.Slice(written, count);
            if (_position < _onSamples)
            {
                _synthesizer.Render(chunk);
            }
            else
            {
                chunk.Clear();
            }

            written += count;
            _position += count;
            if (_position == _cycleSamples)
            {
                // Each burst starts at phase zero, as an exchange's tone gate does.
                _position = 0;
                _synthesizer.Reset();
            }
        }
    }

    private static int ToSamples(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * LineAudio.SampleRate);
}
