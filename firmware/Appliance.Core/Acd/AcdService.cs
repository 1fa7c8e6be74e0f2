using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Acd;

/// <summary>
/// Queues callers, offers them to agents, bridges and records the conversation, and puts the agent into wrap-up
/// afterwards. Runs on the media loop; callers are served first come, first served.
/// </summary>
public sealed class AcdService
{
    private readonly List<WaitingCaller> _waiting = [];
    private readonly MediaClock _clock;
    private readonly AgentRoster _roster;
    private readonly RecordingService _recordings;
    private readonly MenuRunner _menus;
    private readonly RingAll _ringAll;

    /// <summary>Creates the ACD.</summary>
    public AcdService(MediaClock clock, ChannelDialers dialers, AgentRoster roster, ICallCenterDirectory directory, RecordingService recordings, MenuRunner menus)
    {
        _clock = clock;
        _roster = roster;
        _recordings = recordings;
        _menus = menus;
        _ringAll = new RingAll(clock, dialers, roster, directory);
        roster.AgentFreed += Dispatch;
    }

    /// <summary>Raised on the media loop when a caller is bridged to an agent.</summary>
    public event Action<CallSession>? CallConnected;

    /// <summary>How many callers wait in <paramref name="queue"/>.</summary>
    public int WaitingIn(string queue) => _waiting.Count(w => w.Queue.Name == queue);

    /// <summary>Queues the call, connects it to an agent and returns when the conversation (or the wait) ends.</summary>
    public async Task HandleAsync(CallSession call, QueueDefinition queue)
    {
        call.Queue = queue.Name;
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
        call.Wait = _clock.Time.GetUtcNow() - waiter.EnteredAt;
        if (first != waiter.Connected.Task)
        {
            var kind = first == maxWait ? CallEventKinds.ExitWithTimeout : CallEventKinds.Abandon;
            call.Log(kind, queue.Name, data: [("position", waiter.Position), ("waittime", CallSession.Seconds(call.Wait))]);
            call.Outcome = first == maxWait ? CallOutcome.QueueTimeout : CallOutcome.Abandoned;
            return;
        }

        var (agentId, leg) = await waiter.Connected.Task;
        await TalkAsync(call, queue, agentId, leg);
    }

    private async Task TalkAsync(CallSession call, QueueDefinition queue, string agentId, IChannel leg)
    {
        call.Agent = agentId;
        call.ConnectedAt = _clock.Time.GetUtcNow();
        call.Outcome = CallOutcome.AnsweredByAgent;
        _roster.Set(agentId, AgentStatus.OnCall);
        call.Log(CallEventKinds.Connect, queue.Name, agentId, ("holdtime", CallSession.Seconds(call.Wait)));
        call.Channel.StopPlayback();
        CallConnected?.Invoke(call);
        var recorder = _recordings.Start(call);
        call.Log(CallEventKinds.RecordingStart, queue.Name, agentId, ("path", recorder.Path));
        using (new Bridge(_clock, call.Channel, leg, recorder))
        {
            var first = await _clock.WhenAny(call.Channel.Ended, leg.Ended);
            call.Talk = _clock.Time.GetUtcNow() - call.ConnectedAt.Value;
            var kind = first == call.Channel.Ended ? CallEventKinds.CompleteCaller : CallEventKinds.CompleteAgent;
            call.Log(kind, queue.Name, agentId, [("holdtime", CallSession.Seconds(call.Wait)), ("talktime", CallSession.Seconds(call.Talk))]);
        }

        leg.HangUp();
        call.Channel.HangUp();
        _ = WrapUpAsync(agentId, queue.WrapUp);
        call.Recording = await recorder.Completion;
        call.Log(CallEventKinds.RecordingEnd, queue.Name, agentId, [("path", recorder.Path), ("seconds", CallSession.Seconds(call.Recording.Duration))]);
    }

    private async Task WrapUpAsync(string agentId, TimeSpan wrapUp)
    {
        _roster.Set(agentId, AgentStatus.WrapUp);
        await _clock.DelayAsync(wrapUp);
        _roster.Set(agentId, AgentStatus.Available);
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
