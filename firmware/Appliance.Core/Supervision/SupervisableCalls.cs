using Appliance.Core.Routing;
using Appliance.Core.Supervision.Internal;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Supervision;

/// <summary>
/// Which agent talks to which caller right now, over which bridge: what a supervisor can join. The ACD's conversation
/// adds each caller-agent segment when it bridges them and removes it when the segment ends (hang-up or transfer).
/// Used on the media loop only.
/// </summary>
public sealed class SupervisableCalls
{
    private readonly Dictionary<string, SupervisableCall> _byAgent = new(StringComparer.Ordinal);

    /// <summary>Raised on the media loop as an agent's segment ends, before its bridge splits.</summary>
    internal event Action<SupervisableCall>? Ending;

    /// <summary>The agents talking to a caller now.</summary>
    public IReadOnlyCollection<string> Agents => _byAgent.Keys;

    /// <summary>Registers <paramref name="agentId"/>'s conversation; disposing the result ends it.</summary>
    internal SupervisableCall Add(CallSession call, string agentId, string queue, Bridge bridge)
    {
        var entry = new SupervisableCall(this, call, agentId, queue, bridge);
        _byAgent[agentId] = entry;
        return entry;
    }

    /// <summary>The agent's conversation, or null when they talk to nobody.</summary>
    internal SupervisableCall? Find(string agentId) => _byAgent.GetValueOrDefault(agentId);

    internal void Remove(SupervisableCall entry)
    {
        if (_byAgent.TryGetValue(entry.AgentId, out var current) && ReferenceEquals(current, entry))
        {
            _byAgent.Remove(entry.AgentId);
        }

        Ending?.Invoke(entry);
    }
}
