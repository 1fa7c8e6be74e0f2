namespace Appliance.Core.Configuration;

/// <summary>A skill an agent has, and how well: 1 (novice) to 10 (expert).</summary>
public sealed record AgentSkill
{
    /// <summary>The skill's name, e.g. "cards", "loans", "mandarin".</summary>
    public string Skill { get; init; } = "";

    /// <summary>1 to 10.</summary>
    public int Proficiency { get; init; } = 5;
}
