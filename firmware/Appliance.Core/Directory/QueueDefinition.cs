namespace Appliance.Core.Directory;

/// <summary>An ACD queue: its agents (in order), how long an agent rings, how long a caller may wait, and wrap-up time.</summary>
public sealed record QueueDefinition(
    string Name,
    TimeSpan RingTimeout,
    TimeSpan MaxWait,
    TimeSpan WrapUp,
    IReadOnlyList<string> AgentIds);
