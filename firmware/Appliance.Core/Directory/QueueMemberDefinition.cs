namespace Appliance.Core.Directory;

/// <summary>
/// An agent in a queue as the ACD reads it: the penalty (lower is offered first) and, for a skills queue, the agent's
/// proficiency (1–10) in the queue's skill, 0 when the agent does not have it.
/// </summary>
public sealed record QueueMemberDefinition(string AgentId, int Penalty = 0, int Proficiency = 0);
