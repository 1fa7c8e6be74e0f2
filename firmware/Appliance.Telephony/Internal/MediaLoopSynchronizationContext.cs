using System.Collections.Concurrent;

namespace Appliance.Telephony.Internal;

/// <summary>
/// Runs continuations posted by async call flows on the media loop, between ticks, in the order posted.
/// Flows awaiting channel operations therefore resume on the loop, see channel state without locks, and run
/// deterministically under a manual clock in tests.
/// </summary>
internal sealed class MediaLoopSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Action<Exception> _onError;

    public MediaLoopSynchronizationContext(Action<Exception> onError)
    {
        _onError = onError;
    }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The media loop does not block on Send; use Post.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued work, including work that the queued work posts, until none is left.</summary>
    public void Drain()
    {
        // A bound stops a flow that keeps re-posting itself from starving the media tick.
        for (var budget = 100_000; budget > 0 && _queue.TryDequeue(out var item); budget--)
        {
            try
            {
                item.Callback(item.State);
            }
            catch (Exception ex)
            {
                _onError(ex);
            }
        }
    }
}
