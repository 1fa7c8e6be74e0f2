namespace Appliance.Core.Configuration;

/// <summary>
/// An agent: who they are, the extension their phone registers as, their skills, and whether they may supervise.
/// A simulated agent (for the simulated board) is rung on a scripted in-process phone instead of SIP.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>The agent's id, unique among agents.</summary>
    public string Id { get; init; } = "";

    /// <summary>The agent's name as supervisors see it.</summary>
    public string Name { get; init; } = "";

    /// <summary>The SIP user their phone registers as, and what others dial to reach them; unique.</summary>
    public string Extension { get; init; } = "";

    /// <summary>Skills with proficiency 1 (novice) to 10 (expert).</summary>
    public IReadOnlyList<AgentSkill> Skills { get; init; } = [];

    /// <summary>Whether the agent may listen to, whisper to and barge into other agents' calls.</summary>
    public bool Supervisor { get; init; }

    /// <summary>A simulated phone's behaviour, or null for a real SIP phone.</summary>
    public SimulatedPhone? Simulated { get; init; }
}
