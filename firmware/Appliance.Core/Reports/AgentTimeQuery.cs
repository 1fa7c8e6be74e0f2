using Appliance.Storage;

namespace Appliance.Core.Reports;

/// <summary>An agent's login time and occupancy over a period, read from the event log (off the media loop: it reads SQLite).</summary>
public sealed class AgentTimeQuery(ApplianceDatabase database, TimeProvider time)
{
    private readonly AgentStateRepository _states = new(database);

    /// <summary>The report for [<paramref name="from"/>, <paramref name="to"/>); a period reaching into the future ends now.</summary>
    public AgentTimeReport For(string agentId, DateTimeOffset from, DateTimeOffset to)
    {
        var now = time.GetUtcNow();
        var end = to < now ? to : now;
        end = end < from ? from : end;
        return AgentTimeCalculator.Compute(agentId, _states.StateEvents(agentId, from, end), from, end);
    }
}
