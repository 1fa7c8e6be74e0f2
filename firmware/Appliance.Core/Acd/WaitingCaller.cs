using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd;

/// <summary>A caller in a queue, and the agent leg that won them once one answers.</summary>
internal sealed class WaitingCaller(CallSession call, QueueDefinition queue, DateTimeOffset enteredAt, int position)
{
    private TaskCompletionSource _wakeup = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallSession Call { get; } = call;

    public QueueDefinition Queue { get; } = queue;

    /// <summary>When the caller joined this queue (its wait limit and skill widening count from here).</summary>
    public DateTimeOffset EnteredAt { get; } = enteredAt;

    /// <summary>When the caller joined their first queue: an overflowed caller keeps their place in time.</summary>
    public DateTimeOffset FirstEnteredAt { get; init; } = enteredAt;

    public int Position { get; set; } = position;

    /// <summary>0 (ordinary) to 10 (first), from the menu or the VIP list.</summary>
    public int Priority { get; init; }

    /// <summary>
    /// The serving order, lowest first, in every queue and across queues. The rule: a caller's effective priority is
    /// their priority plus one level per <see cref="QueueDefinition.AgingStep"/> waited, and the highest effective
    /// priority is served first, the longest wait first among equals. Comparing p₁ + (now − t₁)/N with
    /// p₂ + (now − t₂)/N is comparing t₁ − p₁·N with t₂ − p₂·N, which does not change with time: so the key is the
    /// caller's arrival moved p·N earlier, and queues stay sorted without re-sorting. No caller starves: an ordinary
    /// caller who arrived at t is behind only callers with a key below t, that is callers of priority p who arrived
    /// before t + p·N (at most t + 10·N), however many priority callers keep coming after that.
    /// </summary>
    public DateTimeOffset ServeKey => FirstEnteredAt - (Queue.AgingStep * Priority);

    /// <summary>Whether this is a callback keeping a caller's place: nobody is on the line until the box dials them.</summary>
    public bool IsCallback { get; init; }

    /// <summary>Completes when the caller is gone: their hang-up, or for a callback its leaving the queue.</summary>
    public Task CallerGone => IsCallback ? Left.Task : Call.Channel.Ended;

    /// <summary>Whether the caller is still there to be connected.</summary>
    public bool CallerPresent => IsCallback ? !Gone : Call.Channel.State == ChannelState.Up;

    /// <summary>The queue's live state (null for a caller a transfer rings an agent for, outside any queue).</summary>
    public QueueSlot? Slot { get; set; }

    /// <summary>Whether agents are being rung for this caller right now.</summary>
    public bool Ringing { get; set; }

    /// <summary>Whether the caller has left the queue (connected, abandoned or timed out).</summary>
    public bool Gone { get; set; }

    /// <summary>Before this time the caller is not offered again (after an offer nobody answered).</summary>
    public DateTimeOffset RetryAt { get; set; }

    /// <summary>The agent who last let this caller ring out alone; the next offer tries someone else first.</summary>
    public AgentSlot? LastUnanswered { get; set; }

    /// <summary>When the last offer began ringing agents, so the ring time counts in the queue's handling times.</summary>
    public DateTimeOffset OfferedAt { get; set; }

    /// <summary>The offer in progress or last made; the caller's wait awaits it before leaving, so it is never dropped.</summary>
    public Task Offer { get; set; } = Task.CompletedTask;

    public TaskCompletionSource<(string AgentId, IChannel Leg)> Connected { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the caller must leave for a reason the queue decides (its last member logged out).</summary>
    public TaskCompletionSource<string> Evicted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the caller leaves, so an offer still ringing stops at once.</summary>
    public TaskCompletionSource Left { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when something changed that the caller's wait should look at again (an offer ended).</summary>
    public Task Wakeup => _wakeup.Task;

    public void Wake() => _wakeup.TrySetResult();

    /// <summary>A fresh wake-up for the next round of the wait.</summary>
    public void ResetWakeup()
    {
        if (_wakeup.Task.IsCompleted)
        {
            _wakeup = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
