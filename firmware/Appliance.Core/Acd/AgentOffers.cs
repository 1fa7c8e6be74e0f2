using Appliance.Core.Routing;

namespace Appliance.Core.Acd;

/// <summary>
/// Publishes each call the ACD offers to an agent (<see cref="AgentOffer"/>) and its end, for agents' screen pops.
/// Lives on the media loop: the ACD reports the ringing, the roster's state changes end it (the agent's status leaves
/// ringing and on-call). Subscribers of <see cref="Changed"/> run on the media loop and must only hand the offer on.
/// </summary>
public sealed class AgentOffers
{
    private readonly Dictionary<string, AgentOffer> _current = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Follows <paramref name="roster"/>'s state changes to see offers end.</summary>
    public AgentOffers(AgentRoster roster, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(roster);
        _time = time;
        roster.StatusChanged += OnStatusChanged;
    }

    /// <summary>Raised on the media loop with a new offer (EndedAt null) or an ended one (EndedAt set).</summary>
    public event Action<AgentOffer>? Changed;

    /// <summary>The agent's phone rings for <paramref name="call"/>, waiting in <paramref name="queue"/> since <paramref name="waitingSince"/>.</summary>
    internal void Ringing(string agentId, CallSession call, string queue, DateTimeOffset waitingSince)
    {
        if (_current.TryGetValue(agentId, out var previous) && previous.CallId != call.CallId)
        {
            End(agentId, previous);
        }

        var variables = call.Variables
            .Where(v => !call.SensitiveVariables.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var offer = new AgentOffer(
            agentId, call.CallId, call.Channel.Caller.Number, call.Channel.Caller.Name, call.EntryPoint, call.Line, queue, call.Language,
            call.StartedAt, waitingSince, _time.GetUtcNow(), [.. call.IvrPath], variables) { Customer = call.Customer };
        _current[agentId] = offer;
        Changed?.Invoke(offer);
    }

    private void OnStatusChanged(string agentId, AgentStatus status)
    {
        if (status is not (AgentStatus.Ringing or AgentStatus.OnCall) && _current.TryGetValue(agentId, out var offer))
        {
            End(agentId, offer);
        }
    }

    private void End(string agentId, AgentOffer offer)
    {
        _current.Remove(agentId);
        Changed?.Invoke(offer with { EndedAt = _time.GetUtcNow() });
    }
}
