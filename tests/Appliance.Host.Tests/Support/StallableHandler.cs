using Appliance.Telephony.Clock;

namespace Appliance.Host.Tests.Support;

/// <summary>A media handler that can be made to hang inside a tick, as a driver call stuck in the kernel would.</summary>
internal sealed class StallableHandler : IMediaTickHandler
{
    private readonly object _gate = new();
    private TaskCompletionSource? _entered;
    private TaskCompletionSource? _release;

    /// <summary>
    /// Runs one tick on another thread and returns once it hangs in this handler; the returned task completes when the
    /// tick does, after <see cref="Release"/>. While it hangs, the clock's own timer skips its ticks.
    /// </summary>
    public async Task<Task> StallAsync(MediaClock clock)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _entered = entered;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var tick = Task.Run(clock.RunTick);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return tick;
    }

    public void Release()
    {
        lock (_gate)
        {
            _release?.TrySetResult();
        }
    }

    public void OnReceive(long tick)
    {
        TaskCompletionSource? entered;
        TaskCompletionSource? release;
        lock (_gate)
        {
            (entered, release) = (_entered, _release);
            _entered = null;
        }

        if (entered is not null)
        {
            entered.SetResult();
            release!.Task.Wait();
        }
    }

    public void OnTransmit(long tick)
    {
    }
}
