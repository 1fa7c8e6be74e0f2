using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Journal;

namespace Appliance.Core.Acd;

/// <summary>
/// Every agent's state, changed only on the media loop. Three things make it up, kept apart: the agent's own choice
/// (logged in or out, ready or paused with a reason: <see cref="Apply"/>), whether their phone is there
/// (<see cref="SetPhoneConnected"/>), and what the ACD is doing with them (<see cref="Set"/>: ringing, on call,
/// wrap-up). Each change of the resulting state is written as AGENT_STATE with the previous state and how long it
/// lasted, with AGENTLOGIN/AGENTLOGOFF and PAUSE/UNPAUSE beside it, so login time, occupancy and pause time can be
/// computed from the event log.
/// </summary>
public sealed class AgentRoster
{
    /// <summary>The reason recorded when the ACD itself pauses an agent (<see cref="Set"/> with NotReady).</summary>
    public const string AutoPauseReason = "auto";

    private readonly Dictionary<string, AgentEntry> _agents = new(StringComparer.Ordinal);
    private readonly ICallCenterDirectory _directory;
    private readonly ICallJournal _journal;
    private readonly TimeProvider _time;
    private readonly IAgentChoiceStore? _choices;

    /// <summary>
    /// Starts with every configured agent logged in and available (phone presence arrives with SIP agents); what agents
    /// choose later goes to <paramref name="choices"/>, and <see cref="Restore"/> brings it back after a restart.
    /// </summary>
    public AgentRoster(ICallCenterDirectory directory, ICallJournal journal, TimeProvider time, IAgentChoiceStore? choices = null)
    {
        _directory = directory;
        _journal = journal;
        _time = time;
        _choices = choices;
        foreach (var agent in directory.Agents)
        {
            Add(agent.Id, phoneConnected: true, "start");
        }
    }

    /// <summary>Raised when an agent becomes available, so waiting callers can be offered.</summary>
    public event Action? AgentFreed;

    /// <summary>Raised on the media loop after every change of an agent's state: the agent and their new state.</summary>
    public event Action<string, AgentStatus>? StatusChanged;

    /// <summary>An agent's state; unknown agents are logged out.</summary>
    public AgentStatus StatusOf(string agentId) => _agents.TryGetValue(agentId, out var entry) ? entry.Status : AgentStatus.LoggedOut;

    /// <summary>A copy of every agent's state.</summary>
    public IReadOnlyDictionary<string, AgentStatus> Snapshot() => _agents.ToDictionary(a => a.Key, a => a.Value.Status, StringComparer.Ordinal);

    /// <summary>An agent's full state (choice, reason, phone, since when), or null for an unknown agent.</summary>
    public AgentState? StateOf(string agentId) => _agents.TryGetValue(agentId, out var entry) ? entry.ToState() : null;

    /// <summary>Every agent's full state, ordered by id.</summary>
    public IReadOnlyList<AgentState> States() => [.. _agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => a.ToState())];

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
        foreach (var gone in _agents.Values.Where(a => !configured.Contains(a.AgentId)).ToList())
        {
            Change(gone, "configuration", e =>
            {
                e.Activity = null;
                e.LoggedIn = false;
                e.PauseReason = null;
            });
            _agents.Remove(gone.AgentId);
        }

        foreach (var agent in agents.Where(a => !_agents.ContainsKey(a.Id)))
        {
            Add(agent.Id, canTakeCalls(agent), "configuration");
        }
    }

    /// <summary>
    /// What the ACD does with an agent. Ringing, OnCall and WrapUp say the ACD has them; Available says it is done with
    /// them, and they go back to what they chose (available, or not ready if they paused meanwhile, or logged out);
    /// NotReady pauses them with <see cref="AutoPauseReason"/> (until they or the ACD make them ready); LoggedOut logs
    /// them out. An unknown agent is added first.
    /// </summary>
    public void Set(string agentId, AgentStatus status)
    {
        if (!_agents.TryGetValue(agentId, out var entry))
        {
            entry = Add(agentId, phoneConnected: true, "acd");
        }

        Change(entry, "acd", e =>
        {
            e.Activity = status is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.WrapUp ? status : null;
            switch (status)
            {
                case AgentStatus.Available when e.PauseReason == AutoPauseReason:
                    e.PauseReason = null;
                    break;
                case AgentStatus.NotReady:
                    e.PauseReason ??= AutoPauseReason;
                    break;
                case AgentStatus.LoggedOut:
                    e.LoggedIn = false;
                    e.PauseReason = null;
                    break;
            }
        });
    }

    /// <summary>
    /// The agent's own choice, from a phone's feature code or the CLI (<paramref name="cause"/> says which, for the log).
    /// LogIn and Ready both leave the agent logged in and ready; Pause leaves them logged in and not ready with
    /// <paramref name="reason"/>, which must be a configured pause reason code; LogOut logs them out. Each holds until
    /// the agent changes it: a phone that unregisters and registers again does not undo it.
    /// </summary>
    public AgentCommandResult Apply(string agentId, AgentCommand command, string? reason, string cause)
    {
        if (!_agents.TryGetValue(agentId, out var entry))
        {
            return AgentCommandResult.UnknownAgent;
        }

        if (command == AgentCommand.Pause && (reason is null || _directory.PauseReason(reason) is null))
        {
            return AgentCommandResult.UnknownReason;
        }

        Change(entry, cause, e =>
        {
            e.LoggedIn = command != AgentCommand.LogOut;
            e.PauseReason = command == AgentCommand.Pause ? reason : null;
        });
        return AgentCommandResult.Done;
    }

    /// <summary>
    /// Puts back what agents chose before a restart (before the media loop starts, or on it). Only the choice comes back:
    /// an agent who was ringing, on a call or in wrap-up when the box stopped has no call any more, so they return as
    /// they chose: ready, paused with their reason, or logged out. A reason no longer configured makes them ready; a
    /// choice for an agent no longer configured is ignored.
    /// </summary>
    public void Restore(IEnumerable<AgentChoice> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        foreach (var choice in saved)
        {
            if (_agents.TryGetValue(choice.AgentId, out var entry))
            {
                var reason = choice.PauseReason is { } code && (code == AutoPauseReason || _directory.PauseReason(code) is not null) ? code : null;
                Change(entry, "restart", e =>
                {
                    e.LoggedIn = choice.LoggedIn;
                    e.PauseReason = choice.LoggedIn ? reason : null;
                });
            }
        }
    }

    /// <summary>Whether the agent has a phone to ring (a SIP agent's registered or not); their choice stays as it was.</summary>
    public void SetPhoneConnected(string agentId, bool connected)
    {
        if (_agents.TryGetValue(agentId, out var entry))
        {
            Change(entry, "phone", e => e.PhoneConnected = connected);
        }
    }

    private AgentEntry Add(string agentId, bool phoneConnected, string cause)
    {
        var entry = new AgentEntry(agentId, phoneConnected, _time.GetUtcNow());
        _agents[agentId] = entry;
        Change(entry, cause, _ => { });
        return entry;
    }

    private void Change(AgentEntry entry, string cause, Action<AgentEntry> mutate)
    {
        var now = _time.GetUtcNow();
        var (oldStatus, oldReason, oldPause, oldLoggedIn) = (entry.Status, entry.StatusReason, entry.PauseReason, entry.LoggedIn);
        mutate(entry);
        if (entry.LoggedIn != oldLoggedIn || entry.PauseReason != oldPause)
        {
            _choices?.Save(new AgentChoice(entry.AgentId, entry.LoggedIn, entry.PauseReason, now));
        }

        var status = entry.Effective;
        var reason = status == AgentStatus.NotReady ? entry.PauseReason : null;
        if (entry.PauseReason != oldPause)
        {
            PauseChanged(entry, oldPause, now);
        }

        if (entry.Logged && status == oldStatus && reason == oldReason)
        {
            return;
        }

        var wasLoggedIn = entry.Logged && oldStatus != AgentStatus.LoggedOut;
        var data = entry.Logged
            ? AgentEventData.Write(
                ("status", AgentEventData.Name(status)), ("reason", reason), ("reasonName", ReasonName(reason)),
                ("previous", AgentEventData.Name(oldStatus)), ("previousReason", oldReason), ("seconds", (now - entry.Since).TotalSeconds))
            : AgentEventData.Write(("status", AgentEventData.Name(status)), ("reason", reason), ("reasonName", ReasonName(reason)));
        (entry.Status, entry.StatusReason, entry.Since, entry.Logged) = (status, reason, now, true);
        Log(now, CallEventKinds.AgentState, entry.AgentId, data);
        if (status != AgentStatus.LoggedOut && !wasLoggedIn)
        {
            entry.LoggedInSince = now;
            Log(now, CallEventKinds.AgentLogin, entry.AgentId, AgentEventData.Write(("cause", cause)));
        }
        else if (status == AgentStatus.LoggedOut && wasLoggedIn)
        {
            Log(now, CallEventKinds.AgentLogoff, entry.AgentId, AgentEventData.Write(("cause", cause), ("logintime", (now - entry.LoggedInSince).TotalSeconds)));
        }
        StatusChanged?.Invoke(entry.AgentId, status);

        if (status == AgentStatus.Available)
        {
            AgentFreed?.Invoke();
        }
    }

    private void PauseChanged(AgentEntry entry, string? oldPause, DateTimeOffset now)
    {
        if (oldPause is not null)
        {
            Log(now, CallEventKinds.Unpause, entry.AgentId, AgentEventData.Write(("reason", oldPause), ("pausetime", (now - entry.PausedSince).TotalSeconds)));
        }

        if (entry.PauseReason is { } reason)
        {
            entry.PausedSince = now;
            Log(now, CallEventKinds.Pause, entry.AgentId, AgentEventData.Write(("reason", reason), ("reasonName", ReasonName(reason))));
        }
    }

    private string? ReasonName(string? code) =>
        code is null ? null : code == AutoPauseReason ? "auto-pause" : _directory.PauseReason(code)?.Name;

    private void Log(DateTimeOffset now, string kind, string agentId, string data) =>
        _journal.Append(new CallEvent(now, "NONE", kind, null, agentId, data));
}
