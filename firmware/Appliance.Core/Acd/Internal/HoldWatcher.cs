using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Watches both legs of a bridged conversation for hold: while one party holds, the other hears music instead of
/// silence, and HOLD / UNHOLD events carry who held and for how long (hold time counts toward handling time).
/// </summary>
internal sealed class HoldWatcher : IDisposable
{
    private readonly CallSession _call;
    private readonly AgentLeg _agent;
    private readonly Bridge _bridge;
    private readonly TimeProvider _time;
    private readonly Dictionary<IChannel, DateTimeOffset> _heldSince = [];

    public HoldWatcher(CallSession call, AgentLeg agent, Bridge bridge, TimeProvider time)
    {
        _call = call;
        _agent = agent;
        _bridge = bridge;
        _time = time;
        call.Channel.HoldChanged += OnHoldChanged;
        agent.Leg.HoldChanged += OnHoldChanged;
        foreach (var leg in new[] { call.Channel, agent.Leg }.Where(l => l.HeldByFarEnd))
        {
            OnHoldChanged(leg);
        }
    }

    public void Dispose()
    {
        _call.Channel.HoldChanged -= OnHoldChanged;
        _agent.Leg.HoldChanged -= OnHoldChanged;
    }

    private void OnHoldChanged(IChannel holder)
    {
        var other = ReferenceEquals(holder, _call.Channel) ? _agent.Leg : _call.Channel;
        var by = ReferenceEquals(holder, _call.Channel) ? "caller" : "agent";
        if (holder.HeldByFarEnd && _heldSince.TryAdd(holder, _time.GetUtcNow()))
        {
            _bridge.ReplaceAudioTo(other, new HoldMusicSource());
            _call.Log(CallEventKinds.Hold, _agent.Queue.Name, _agent.AgentId, ("by", by));
        }
        else if (!holder.HeldByFarEnd && _heldSince.Remove(holder, out var since))
        {
            _bridge.ReplaceAudioTo(other, null);
            _call.Log(CallEventKinds.Unhold, _agent.Queue.Name, _agent.AgentId, [("by", by), ("holdtime", CallSession.Seconds(_time.GetUtcNow() - since))]);
        }
    }
}
