namespace Appliance.Core.Configuration;

/// <summary>
/// Everything a technician configures about the call center, as one document: the branch, its calendars, where calls
/// enter, the voice menus, the queues, the agents, the VIP callers and the agents' pause reasons. It is imported and exported whole
/// (<see cref="ConfigurationDocument"/>), validated whole (<see cref="ConfigurationValidator"/>) and takes effect whole.
/// Secrets (SIP passwords, keys) are never part of it.
/// </summary>
public sealed record CallCenterConfiguration
{
    /// <summary>The document format this firmware reads and writes.</summary>
    public const int CurrentSchema = 1;

    /// <summary>The document format; only <see cref="CurrentSchema"/> is accepted.</summary>
    public int Schema { get; init; } = CurrentSchema;

    /// <summary>The branch's time zone and languages.</summary>
    public BranchSettings Branch { get; init; } = new();

    /// <summary>Opening hours and holidays, referred to by name.</summary>
    public IReadOnlyList<CalendarConfig> Calendars { get; init; } = [];

    /// <summary>Where calls come in and which menu they start in.</summary>
    public IReadOnlyList<EntryPointConfig> EntryPoints { get; init; } = [];

    /// <summary>The voice menus (IVR flows).</summary>
    public IReadOnlyList<MenuConfig> Menus { get; init; } = [];

    /// <summary>The ACD queues.</summary>
    public IReadOnlyList<QueueConfig> Queues { get; init; } = [];

    /// <summary>The agents.</summary>
    public IReadOnlyList<AgentConfig> Agents { get; init; } = [];

    /// <summary>Callers served ahead of others.</summary>
    public IReadOnlyList<VipCaller> VipCallers { get; init; } = [];

    /// <summary>The reasons agents may give for not being ready (a break, lunch, training…), by code.</summary>
    public IReadOnlyList<PauseReasonConfig> PauseReasons { get; init; } = [];
}
