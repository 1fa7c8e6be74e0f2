using System.Globalization;
using Appliance.Core.Directory;
using Appliance.Core.Journal;

namespace Appliance.Core.Acd;

/// <summary>
/// Every agent's state, changed only on the media loop, each change written to the event log so login time,
/// occupancy and wrap-up can be computed from it later.
/// </summary>
public sealed class AgentRoster
{
    private readonly Dictionary<string, AgentStatus> _status = new(StringComparer.Ordinal);
    private readonly ICallJournal _journal;
    private readonly TimeProvider _time;

    /// <summary>Starts with every configured agent logged in and available (phone log-in arrives with SIP agents).</summary>
    public AgentRoster(ICallCenterDirectory directory, ICallJournal journal, TimeProvider time)
    {
        _journal = journal;
        _time = time;
        foreach (var agent in directory.Agents)
        {
            Set(agent.Id, AgentStatus.Available);
        }
    }

    /// <summary>Raised when an agent becomes available, so waiting callers can be offered.</summary>
    public event Action? AgentFreed;

    /// <summary>An agent's state; unknown agents are logged out.</summary>
    public AgentStatus StatusOf(string agentId) => _status.GetValueOrDefault(agentId, AgentStatus.LoggedOut);

    /// <summary>A copy of every agent's state.</summary>
    public IReadOnlyDictionary<string, AgentStatus> Snapshot() => new Dictionary<string, AgentStatus>(_status);

    /// <summary>Changes an agent's state and logs it.</summary>
    public void Set(string agentId, AgentStatus status)
    {
        if (_status.TryGetValue(agentId, out var old) && old == status)
        {
            return;
        }

        _status[agentId] = status;
        var data = string.Create(CultureInfo.InvariantCulture, $$"""{"status":"{{status.ToString().ToLowerInvariant()}}"}""");
        _journal.Append(new CallEvent(_time.GetUtcNow(), "NONE", CallEventKinds.AgentState, null, agentId, data));
        if (status == AgentStatus.Available)
        {
            AgentFreed?.Invoke();
        }
    }
}
