namespace Appliance.Storage;

/// <summary>An ACD queue with its members. Equality compares the members too.</summary>
/// <param name="Name">Unique name, used in menu actions as "queue:NAME".</param>
/// <param name="Strategy">One of <see cref="QueueStrategies"/>.</param>
/// <param name="RingTimeoutSeconds">How long an agent's phone rings before the call is offered again (1-600).</param>
/// <param name="MaxWaitSeconds">How long a caller may wait before leaving the queue; 0 means no limit (0-86400).</param>
/// <param name="WrapUpSeconds">After-call work time before the agent gets the next call (0-3600).</param>
/// <param name="ServiceLevelThresholdSeconds">T of the service level "answered within T seconds" (1-3600).</param>
/// <param name="Members">The agents; they come back ordered by penalty, then in the order they were saved.</param>
public sealed record QueueRecord(
    string Name,
    string Strategy,
    int RingTimeoutSeconds,
    int MaxWaitSeconds,
    int WrapUpSeconds,
    int ServiceLevelThresholdSeconds,
    IReadOnlyList<QueueMemberRecord> Members)
{
    /// <inheritdoc />
    public bool Equals(QueueRecord? other) =>
        other is not null
        && Name == other.Name
        && Strategy == other.Strategy
        && RingTimeoutSeconds == other.RingTimeoutSeconds
        && MaxWaitSeconds == other.MaxWaitSeconds
        && WrapUpSeconds == other.WrapUpSeconds
        && ServiceLevelThresholdSeconds == other.ServiceLevelThresholdSeconds
        && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Strategy, RingTimeoutSeconds, MaxWaitSeconds, Members.Count);
}
