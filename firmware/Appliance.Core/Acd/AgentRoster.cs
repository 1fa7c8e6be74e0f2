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

    /// <summary>Raised on the media loop after every change of an agent's state: the agent and their new state.</summary>
    public event Action<string, AgentStatus>? StatusChanged;

    /// <summary>An agent's state; unknown agents are logged out.</summary>
    public AgentStatus StatusOf(string agentId) => _status.GetValueOrDefault(agentId, AgentStatus.LoggedOut);

    /// <summary>A copy of every agent's state.</summary>
    public IReadOnlyDictionary<string, AgentStatus> Snapshot() => new Dictionary<string, AgentStatus>(_status);

    /// <summary>
    /// Brings the roster in line with a new configuration (on the media loop): a new agent starts available if
    /// <paramref name="canTakeCalls"/> says so (a SIP agent only once their phone is registered), an agent no longer
    /// configured is logged out and forgotten. Agents who stay keep their state, mid-call or not.
    /// </summary>
    public void Reconcile(IReadOnlyList<AgentDefinition> agents, Func<AgentDefinition, bool> canTakeCalls)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(canTakeCalls);
        var configured = agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _status.Keys.Where(id => !configured.Contains(id)).ToList())
        {
            Set(gone, AgentStatus.LoggedOut);
            _status.Remove(gone);
        }

        foreach (var agent in agents.Where(a => !_status.ContainsKey(a.Id)))
        {
            Set(agent.Id, canTakeCalls(agent) ? AgentStatus.Available : AgentStatus.LoggedOut);
        }
    }

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
        StatusChanged?.Invoke(agentId, status);
        if (status == AgentStatus.Available)
        {
            AgentFreed?.Invoke();
        }
    }
}
