namespace Appliance.Core.Reports;

/// <summary>
/// How an agent spent a period, from their AGENT_STATE events. Login time is every state but logged out (DOMAIN.md:
/// the sum of logged-in spans). Occupancy is (on call + wrap-up) / (on call + wrap-up + available), as DOMAIN.md
/// defines it (hold counts in on call; breaks excluded); ringing is neither handling nor idle, so it is in neither.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="From">Start of the period.</param>
/// <param name="To">End of the period (or the moment it was computed, if earlier).</param>
/// <param name="LoginTime">Time logged in.</param>
/// <param name="Available">Time ready and idle.</param>
/// <param name="Ringing">Time being rung.</param>
/// <param name="OnCall">Time talking (hold included).</param>
/// <param name="WrapUp">Time in after-call work.</param>
/// <param name="NotReadyByReason">Time paused, per reason code ("auto" for auto-pause).</param>
public sealed record AgentTimeReport(
    string AgentId,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan LoginTime,
    TimeSpan Available,
    TimeSpan Ringing,
    TimeSpan OnCall,
    TimeSpan WrapUp,
    IReadOnlyDictionary<string, TimeSpan> NotReadyByReason)
{
    /// <summary>Occupancy between 0 and 1, or null when the agent was neither handling calls nor available.</summary>
    public double? Occupancy
    {
        get
        {
            var handling = OnCall + WrapUp;
            var staffed = handling + Available;
            return staffed > TimeSpan.Zero ? handling / staffed : null;
        }
    }
}
