using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// Turns a call's step queue into the caller's audio, one frame per exchange tick. Runs under the
/// exchange lock, so it can take steps from the call's queue directly.
/// </summary>
internal sealed class CallerScriptRunner(Queue<CallerStep> script, WhiteNoiseSource lineNoise)
{
    private StepPlayer? _current;

    /// <summary>Fills <paramref name="frame"/> with the caller's audio.</summary>
    /// <returns>The control action reached in this frame, if any; the rest of the frame is then line noise.</returns>
    public CallerAction FillFrame(Span<short> frame, out CallerStep? startedStep)
    {
        startedStep = null;
        var position = 0;
        while (position < frame.Length)
        {
            if (_current is null)
            {
                if (!script.TryDequeue(out var step))
                {
                    lineNoise.Render(frame[position..]);
                    return CallerAction.None;
                }

                startedStep = step;
                _current = step.CreatePlayer();
                if (_current.Action != CallerAction.None)
                {
                    var action = _current.Action;
                    _current = null;
                    lineNoise.Render(frame[position..]);
                    return action;
                }
            }

            position += _current.Render(frame[position..], lineNoise);
            if (_current.IsFinished)
            {
                _current = null;
            }
        }

        return CallerAction.None;
    }
}
