namespace Appliance.Core.Directory;

/// <summary>An agent and how to ring them: a dial string such as "sim:1001;answer=2000;tone=1400" or, later, "sip:1001".</summary>
public sealed record AgentDefinition(string Id, string Name, string DialString)
{
    /// <summary>Whether the agent may listen to, whisper to and barge into other agents' calls.</summary>
    public bool Supervisor { get; init; }

    /// <summary>The extension others dial to reach the agent (e.g. after *60 to supervise them); null when unknown.</summary>
    public string? Extension { get; init; }
}
