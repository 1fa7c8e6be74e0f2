namespace Appliance.Storage;

/// <summary>An agent's membership in a queue.</summary>
/// <param name="AgentId">The agent's id.</param>
/// <param name="Penalty">0 is offered calls first; higher penalties are tried later by strategies that use it.</param>
public sealed record QueueMemberRecord(string AgentId, int Penalty = 0);
