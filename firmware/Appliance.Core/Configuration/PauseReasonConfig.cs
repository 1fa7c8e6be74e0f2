namespace Appliance.Core.Configuration;

/// <summary>
/// A reason an agent gives for not taking calls (break, lunch, training, paperwork…), keyed on the phone as *53 and the
/// code (e.g. *531) and recorded with the agent's NOTREADY time so reports can say where the time went.
/// </summary>
public sealed record PauseReasonConfig
{
    /// <summary>One or two digits, unique among reasons: what the agent keys after *53.</summary>
    public string Code { get; init; } = "";

    /// <summary>What supervisors and reports call it, e.g. "lunch".</summary>
    public string Name { get; init; } = "";
}
