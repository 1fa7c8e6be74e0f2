namespace Appliance.Core.Configuration;

/// <summary>An agent in a queue; agents with a lower penalty are offered calls first.</summary>
public sealed record QueueMember
{
    /// <summary>The agent's id.</summary>
    public string Agent { get; init; } = "";

    /// <summary>0 (first) to 100.</summary>
    public int Penalty { get; init; }
}
