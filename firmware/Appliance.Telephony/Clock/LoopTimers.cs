namespace Appliance.Telephony.Clock;

/// <summary>
/// Delays for call flows, counted in media ticks rather than OS timers: a thousand waiting callers cost one list
/// walk per tick, and tests move them by advancing the manual clock.
/// </summary>
internal sealed class LoopTimers
{
    private readonly List<(long DueTick, TaskCompletionSource Completion)> _pending = [];

    public Task Delay(long currentTick, TimeSpan delay, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticks = Math.Max(1, (long)Math.Ceiling(delay / MediaClock.TickInterval));
        _pending.Add((currentTick + ticks, completion));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return completion.Task;
    }

    public void Fire(long tick)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var (dueTick, completion) = _pending[i];
            if (dueTick <= tick || completion.Task.IsCompleted)
            {
                _pending.RemoveAt(i);
                completion.TrySetResult();
            }
        }
    }
}
