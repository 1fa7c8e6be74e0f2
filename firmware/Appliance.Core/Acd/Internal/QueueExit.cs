namespace Appliance.Core.Acd.Internal;

/// <summary>
/// How a wait in one queue ended: with an agent's leg, with the caller gone (abandoned), or sent on to the queue's
/// overflow (too long a wait, a full queue, no member logged in), keeping when they first joined a queue.
/// </summary>
internal sealed record QueueExit(AgentLeg? Agent, bool ToOverflow, DateTimeOffset FirstEnteredAt)
{
    /// <summary>How long the answering agent's phone rang: part of the agent's time the call took.</summary>
    public TimeSpan RingTime { get; init; }
}
