namespace Appliance.Core.Acd.Internal;

/// <summary>
/// One agent in the roster: the agent's own choices, the phone, and what the ACD is doing with them, kept apart so
/// that the ACD finishing a call never undoes a pause or a log-out the agent asked for meanwhile.
/// </summary>
internal sealed class AgentEntry(string agentId, bool phoneConnected, DateTimeOffset now)
{
    public string AgentId { get; } = agentId;

    /// <summary>The agent's choice; logged in unless they logged out.</summary>
    public bool LoggedIn { get; set; } = true;

    /// <summary>The pause reason code while paused, else null.</summary>
    public string? PauseReason { get; set; }

    public bool PhoneConnected { get; set; } = phoneConnected;

    /// <summary>Ringing, on call or wrap-up while the ACD has the agent, else null.</summary>
    public AgentStatus? Activity { get; set; }

    /// <summary>The state last logged, and since when.</summary>
    public AgentStatus Status { get; set; } = AgentStatus.LoggedOut;

    public string? StatusReason { get; set; }

    public DateTimeOffset Since { get; set; } = now;

    public DateTimeOffset LoggedInSince { get; set; } = now;

    public DateTimeOffset PausedSince { get; set; } = now;

    /// <summary>Whether a state has been logged yet (the first one has no previous state to time).</summary>
    public bool Logged { get; set; }

    /// <summary>The state the ACD offers calls by, derived from the parts above.</summary>
    public AgentStatus Effective =>
        Activity
        ?? (!LoggedIn || !PhoneConnected ? AgentStatus.LoggedOut
            : PauseReason is not null ? AgentStatus.NotReady
            : AgentStatus.Available);

    public AgentState ToState() => new(AgentId, Status, LoggedIn, PauseReason, PhoneConnected, Since);
}
