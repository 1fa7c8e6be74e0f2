using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Acd;

/// <summary>
/// Queues callers, offers them to agents and hands the answered call to the conversation (bridge, recording, hold,
/// transfer, wrap-up). Runs on the media loop; callers are served first come, first served.
/// </summary>
public sealed class AcdService
{
    private readonly List<WaitingCaller> _waiting = [];
    private readonly MediaClock _clock;
    private readonly AgentRoster _roster;
    private readonly FlowRunner _menus;
    private readonly RingAll _ringAll;
    private readonly Conversation _conversation;

    /// <summary>Creates the ACD; <paramref name="supervisable"/> learns each agent's conversation so supervisors can join it.</summary>
    public AcdService(
        MediaClock clock, ChannelDialers dialers, AgentRoster roster, ICallCenterDirectory directory, RecordingService recordings, FlowRunner menus,
        SupervisableCalls? supervisable = null)
    {
        _clock = clock;
        _roster = roster;
        _menus = menus;
        _ringAll = new RingAll(clock, dialers, roster, directory);
        var transfers = new TransferRouter(clock, roster, directory, _ringAll, WaitForAgentAsync);
        _conversation = new Conversation(clock, roster, recordings, transfers, supervisable ?? new SupervisableCalls());
        roster.AgentFreed += Dispatch;
    }

    /// <summary>Raised on the media loop when a caller is bridged to an agent.</summary>
    public event Action<CallSession>? CallConnected;

    /// <summary>How many callers wait in <paramref name="queue"/>.</summary>
    public int WaitingIn(string queue) => _waiting.Count(w => w.Queue.Name == queue);

    /// <summary>Queues the call, connects it to an agent and returns when the conversation (or the wait) ends.</summary>
    public async Task HandleAsync(CallSession call, QueueDefinition queue)
    {
        if (await WaitForAgentAsync(call, queue) is { } agent)
        {
            await _conversation.TalkAsync(call, agent, c => CallConnected?.Invoke(c));
        }
    }

    /// <summary>
    /// Waits in <paramref name="queue"/> until an agent answers (their leg) or the caller leaves (null). A caller sent back
    /// to a queue by a transfer keeps the outcome and wait of their first answer.
    /// </summary>
    private async Task<AgentLeg?> WaitForAgentAsync(CallSession call, QueueDefinition queue)
    {
        var firstWait = call.ConnectedAt is null;
        call.Queue ??= queue.Name;
        var waiter = new WaitingCaller(call, queue, _clock.Time.GetUtcNow(), WaitingIn(queue.Name) + 1);
        call.Log(CallEventKinds.EnterQueue, queue.Name, data: ("position", waiter.Position));
        _waiting.Add(waiter);
        _ = _menus.PlayAsync(call, "please-hold", stopOnDigit: false).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        Dispatch();

        using var stop = new CancellationTokenSource();
        var maxWait = _clock.DelayAsync(queue.MaxWait, stop.Token);
        var first = await _clock.WhenAny(waiter.Connected.Task, call.Channel.Ended, maxWait);
        stop.Cancel();
        waiter.Gone = true;
        _waiting.Remove(waiter);
        var waited = _clock.Time.GetUtcNow() - waiter.EnteredAt;
        if (firstWait)
        {
            call.Wait = waited;
        }

        if (first != waiter.Connected.Task)
        {
            var kind = first == maxWait ? CallEventKinds.ExitWithTimeout : CallEventKinds.Abandon;
            call.Log(kind, queue.Name, data: [("position", waiter.Position), ("waittime", CallSession.Seconds(waited))]);
            if (firstWait)
            {
                call.Outcome = first == maxWait ? CallOutcome.QueueTimeout : CallOutcome.Abandoned;
            }

            return null;
        }

        var (agentId, leg) = await waiter.Connected.Task;
        return new AgentLeg(agentId, leg, queue);
    }

    private void Dispatch()
    {
        foreach (var waiter in _waiting.ToList())
        {
            if (waiter.Ringing || waiter.Gone)
            {
                continue;
            }

            var agents = _ringAll.AvailableAgents(waiter.Queue);
            if (agents.Count > 0)
            {
                _ = OfferAsync(waiter, agents);
            }
        }
    }

    private async Task OfferAsync(WaitingCaller waiter, IReadOnlyList<AgentDefinition> agents)
    {
        waiter.Ringing = true;
        var winner = await _ringAll.RingAsync(waiter, agents);
        waiter.Ringing = false;
        if (winner is { } won)
        {
            waiter.Connected.TrySetResult(won);
            return;
        }

        if (!waiter.Gone)
        {
            // Nobody answered: give the agents a moment, then try again.
            await _clock.DelayAsync(TimeSpan.FromSeconds(1));
            Dispatch();
        }
    }
}
