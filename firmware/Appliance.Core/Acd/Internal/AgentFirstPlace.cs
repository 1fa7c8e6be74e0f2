namespace Appliance.Core.Acd.Internal;

/// <summary>Where an agent-first call waits in its queue: its serving key and the end of its retry pause.</summary>
internal readonly record struct AgentFirstPlace(DateTimeOffset EnteredAt, DateTimeOffset FirstEnteredAt, int Priority, DateTimeOffset RetryAt);
