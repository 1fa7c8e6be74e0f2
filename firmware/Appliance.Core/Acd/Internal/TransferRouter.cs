using Appliance.Core.Directory;
using Appliance.Core.Routing;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Where a blind transfer may go and how it gets there. Only the call center's own agents and queues are targets: a
/// phone can never send a caller to an outside line this way. While the target rings the caller hears music.
/// </summary>
internal sealed class TransferRouter(
    MediaClock clock,
    AgentRoster roster,
    ICallCenterDirectory directory,
    RingAll ringAll,
    Func<CallSession, QueueDefinition, Task<AgentLeg?>> enqueue)
{
    /// <summary>Whether <paramref name="target"/> is a queue, or another agent who is free right now.</summary>
    public bool CanRoute(string target, string fromAgent) =>
        directory.Queue(target) is not null || IsFreeAgent(target, fromAgent);

    /// <summary>Rings the target agent or queues the caller; null when the caller hung up before anyone answered.</summary>
    public async Task<AgentLeg?> RouteAsync(CallSession call, QueueDefinition from, string target)
    {
        call.Channel.Background = new HoldMusicSource();
        if (directory.Queue(target) is { } queue)
        {
            return await enqueue(call, queue);
        }

        if (directory.Agent(target) is { } agent && roster.StatusOf(agent.Id) == AgentStatus.Available)
        {
            var waiter = new WaitingCaller(call, from, clock.Time.GetUtcNow(), 1);
            if (await ringAll.RingAsync(waiter, [agent]) is { } won)
            {
                return new AgentLeg(won.AgentId, won.Leg, from);
            }
        }

        // The target did not answer: the caller goes back to the queue they came from instead of being dropped.
        return call.Channel.State == ChannelState.Up ? await enqueue(call, from) : null;
    }

    private bool IsFreeAgent(string target, string fromAgent) =>
        !string.Equals(target, fromAgent, StringComparison.Ordinal)
        && directory.Agent(target) is not null
        && roster.StatusOf(target) == AgentStatus.Available;
}
