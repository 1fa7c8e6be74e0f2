namespace Appliance.Core.Acd.Internal;

/// <summary>A queue member as the strategies read it: the agent's slot, penalty, and proficiency in the queue's skill.</summary>
internal readonly record struct QueueMemberSlot(AgentSlot Agent, int Penalty, int Proficiency);
