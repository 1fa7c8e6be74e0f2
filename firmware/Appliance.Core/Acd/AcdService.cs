using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Acd.Internal;
using Appliance.Core.Configuration;
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
/// Queues callers, offers them to agents by each queue's strategy (<see cref="Router"/>), sends callers the queue cannot
/// serve to its overflow, and hands the answered call to the conversation (bridge, recording, hold, transfer, wrap-up).
/// Runs on the media loop: all queue and agent state is touched only there, without locks.
/// </summary>
public sealed class AcdService
{
    // Overflow chains are checked for loops when the configuration is accepted; this only bounds a live change.
    private const int MaxOverflowHops = 10;
    private readonly MediaClock _clock;
    private readonly ICallCenterDirectory _directory;
    private readonly AgentRoster _roster;
    private readonly FlowRunner _menus;
    private readonly RingAll _ringAll;
    private readonly Router _router;
    private readonly Conversation _conversation;
    private readonly WaitForecaster _forecaster = new();
    private readonly WaitAnnouncer _announcer;
    private readonly CallbackRunner _callbacks;
    private readonly OutboundCalls _outbound;
    private bool _dispatching;
    private bool _dispatchAgain;

    /// <summary>
    /// Creates the ACD; <paramref name="random"/> drives the random strategy (seed it in tests), and
    /// <paramref name="supervisable"/> learns each agent's conversation so supervisors can join it, and
    /// <paramref name="callbacks"/> keeps pending callbacks across restarts, and <paramref name="offers"/> publishes each
    /// offer for agents' screen pops.
    /// </summary>
    public AcdService(
        MediaClock clock, ChannelDialers dialers, AgentRoster roster, ICallCenterDirectory directory, RecordingService recordings, FlowRunner menus,
        Random? random = null, SupervisableCalls? supervisable = null, AcdCallbacks? callbacks = null, AgentOffers? offers = null)
    {
        _clock = clock;
        _directory = directory;
        _roster = roster;
        _menus = menus;
        _ringAll = new RingAll(clock, dialers, roster, offers);
        _router = new Router(roster.StatusOf, clock.Time, () => directory.TimeZone, random ?? Random.Shared);
        var transfers = new TransferRouter(clock, roster, directory, _ringAll, EnqueueAfterTransferAsync);
        _conversation = new Conversation(clock, roster, recordings, transfers, supervisable ?? new SupervisableCalls(), menus);
        _announcer = new WaitAnnouncer(clock, menus, _forecaster);
        var agentFirst = new AgentFirstDialler(clock, dialers, roster, _router, menus, Dispatch, NextWake);
        _callbacks = new CallbackRunner(clock, agentFirst, _conversation, directory, callbacks, _forecaster);
        _outbound = new OutboundCalls(clock, agentFirst, _conversation, _forecaster);
        roster.StatusChanged += OnAgentStatusChanged;
    }

    /// <summary>Raised on the media loop when a caller is bridged to an agent.</summary>
    public event Action<CallSession>? CallConnected;

    /// <summary>Puts callbacks stored before a restart back in their queues, in their places (call on the media loop).</summary>
    public void RestoreCallbacks(IReadOnlyList<PendingCallback> pending) => _callbacks.Restore(pending);

    /// <summary>
    /// Queues a callback not asked for on a call (e.g. a resolved complaint): stored, then waiting in its queue like any
    /// other; its events and record go to <paramref name="journal"/> unless the ACD has its own (call on the media loop).
    /// </summary>
    public void QueueCallback(PendingCallback callback, ICallJournal journal) => _callbacks.Queue(callback, journal);

    /// <summary>The box is stopping: pending callbacks leave their queues and stay stored (call on the media loop).</summary>
    public void SuspendCallbacks() => _callbacks.Suspend();

    /// <summary>
    /// Calls <paramref name="dial"/>'s number out for the next free agent of <paramref name="queue"/>, agent first (as
    /// callbacks do), and returns when the conversation or the attempt ends, or once its StopWaiting completes before
    /// an agent was free. Call on the media loop.
    /// </summary>
    public Task<OutboundAttempt> CallOutAsync(CallSession session, QueueDefinition queue, OutboundDial dial) =>
        _outbound.CallAsync(session, queue, dial);

    /// <summary>How many callers wait in <paramref name="queue"/>.</summary>
    public int WaitingIn(string queue) => _router.WaitingIn(queue);

    /// <summary>
    /// Queues the call at <paramref name="priority"/> (0–10), connects it to an agent and returns when the conversation
    /// (or the wait) ends. A caller the queue cannot serve follows its overflow: into another queue (keeping their
    /// original wait), to a menu (whose name is returned for the call center to run), or a goodbye and hang-up.
    /// </summary>
    public async Task<string?> HandleAsync(CallSession call, QueueDefinition queue, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(queue);
        DateTimeOffset? firstEntered = null;
        for (var hop = 0; hop <= MaxOverflowHops; hop++)
        {
            var exit = await WaitAsync(call, queue, Math.Clamp(priority, 0, 10), firstEntered);
            if (exit.Agent is { } agent)
            {
                var served = queue;
                await _conversation.TalkAsync(call, agent, c => CallConnected?.Invoke(c), talk => _forecaster.Record(served.Name, exit.RingTime + talk + served.WrapUp));
                return null;
            }

            if (!exit.ToOverflow)
            {
                return null;
            }

            firstEntered = exit.FirstEnteredAt;
            switch (queue.Overflow)
            {
                case { Kind: RouteTargetKind.Queue, Name: { } name } when _directory.Queue(name) is { } next:
                    queue = next;
                    continue;
                case { Kind: RouteTargetKind.Menu, Name: { } menu }:
                    return menu;
                default:
                    break;
            }

            break;
        }

        await PlayToEndAsync(call, "goodbye");
        return null;
    }

    // A caller a transfer sends to a queue waits there like anyone; if that queue overflows they are let go.
    private async Task<AgentLeg?> EnqueueAfterTransferAsync(CallSession call, QueueDefinition queue) =>
        (await WaitAsync(call, queue, 0, null)).Agent;

    /// <summary>One wait in one queue, from joining (or being refused) to an agent, a hang-up, or the overflow.</summary>
    private async Task<QueueExit> WaitAsync(CallSession call, QueueDefinition queue, int priority, DateTimeOffset? firstEntered)
    {
        var now = _clock.Time.GetUtcNow();
        var countsWait = call.ConnectedAt is null;
        call.Queue ??= queue.Name;
        if (Refusal(queue) is { } refused)
        {
            call.Log(refused, queue.Name, data: [("position", _router.WaitingIn(queue.Name) + 1), ("priority", priority)]);
            SetOutcome(call, countsWait, CallOutcome.QueueTimeout);
            return new QueueExit(null, true, firstEntered ?? now);
        }

        var waiter = new WaitingCaller(call, queue, now, 0) { FirstEnteredAt = firstEntered ?? now, Priority = priority };
        _router.Join(waiter);
        var (staffed, free) = Router.Staffing(waiter.Slot!);
        var expected = _forecaster.Expected(queue.Name, waiter.Position, staffed, free);
        call.Log(CallEventKinds.EnterQueue, queue.Name, data:
            [("position", waiter.Position), ("priority", priority), ("ewt", expected is { } ewt ? CallSession.Seconds(ewt) : null)]);
        using var stop = new CancellationTokenSource();
        var hold = _announcer.RunAsync(waiter, stop.Token);
        Dispatch();

        var maxWait = _clock.DelayAsync(queue.MaxWait, stop.Token);
        string? callbackNumber = null;
        Task first;
        while (true)
        {
            first = await WaitForTurnAsync(waiter, maxWait, hold);
            if (first != hold)
            {
                break;
            }

            var (ended, number) = await AgreeCallbackAsync(waiter, stop.Token);
            if (ended is not null || number is not null)
            {
                (first, callbackNumber) = (ended ?? hold, number);
                break;
            }

            hold = _announcer.RunAsync(waiter, stop.Token); // no number agreed: back to waiting as before
        }

        stop.Cancel();
        waiter.Gone = true;
        if (callbackNumber is not null)
        {
            // Before the caller leaves: the callback joins right behind them with the same serving key, so it keeps their place.
            _callbacks.Request(waiter, callbackNumber);
        }

        waiter.Left.TrySetResult();
        _router.Leave(waiter);
        await waiter.Offer;
        call.Channel.StopPlayback(); // the hold prompt or an announcement, if one is still playing
        await hold;
        var leftAt = _clock.Time.GetUtcNow();
        if (countsWait)
        {
            call.Wait = leftAt - waiter.FirstEnteredAt;
        }

        if (waiter.Connected.Task.IsCompletedSuccessfully)
        {
            var (agentId, leg) = waiter.Connected.Task.Result;
            return new QueueExit(new AgentLeg(agentId, leg, queue), false, waiter.FirstEnteredAt) { RingTime = leftAt - waiter.OfferedAt };
        }

        if (callbackNumber is not null)
        {
            SetOutcome(call, countsWait, CallOutcome.CallbackRequested);
            await PlayToEndAsync(call, "callback-goodbye");
            return new QueueExit(null, false, waiter.FirstEnteredAt);
        }

        var (kind, outcome) = first == maxWait ? (CallEventKinds.ExitWithTimeout, CallOutcome.QueueTimeout)
            : first == waiter.Evicted.Task ? (CallEventKinds.ExitEmpty, CallOutcome.QueueTimeout)
            : (CallEventKinds.Abandon, CallOutcome.Abandoned);
        call.Log(kind, queue.Name, data: [("position", waiter.Position), ("waittime", CallSession.Seconds(leftAt - waiter.EnteredAt))]);
        SetOutcome(call, countsWait, outcome);
        return new QueueExit(null, kind != CallEventKinds.Abandon && call.Channel.State == ChannelState.Up, waiter.FirstEnteredAt);
    }

    /// <summary>
    /// Waits until the caller is connected, hangs up, times out, is evicted or asks for a callback (the announcer
    /// returns true); wakes to offer again when due.
    /// </summary>
    private async Task<Task> WaitForTurnAsync(WaitingCaller waiter, Task maxWait, Task<bool> announcer)
    {
        Task asked = announcer;
        while (true)
        {
            waiter.ResetWakeup();
            using var napStop = new CancellationTokenSource();
            var nap = NextWake(waiter) is { } after ? _clock.DelayAsync(after, napStop.Token) : waiter.Wakeup;
            var first = await _clock.WhenAny(waiter.Connected.Task, waiter.Call.Channel.Ended, maxWait, waiter.Evicted.Task, waiter.Wakeup, nap, asked);
            napStop.Cancel();
            if (first == announcer && !announcer.Result)
            {
                asked = waiter.Left.Task; // it ended without a request (the caller is gone): the other tasks say why
                continue;
            }

            if (first != nap && first != waiter.Wakeup)
            {
                return first;
            }

            Dispatch();
        }
    }

    /// <summary>
    /// The caller pressed the callback key: agrees the number while they keep their place. Returns the connected or
    /// ended task if an agent answers or the caller hangs up meanwhile, else the agreed number (null when none was
    /// agreed and the caller waits on).
    /// </summary>
    private async Task<(Task? Ended, string? Number)> AgreeCallbackAsync(WaitingCaller waiter, CancellationToken stop)
    {
        var call = waiter.Call;
        using var dialogStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var dialog = CallbackDialog.RunAsync(_menus, call, waiter.Queue.Callback!, dialogStop.Token);
        var done = await _clock.WhenAny(dialog, waiter.Connected.Task, call.Channel.Ended);
        dialogStop.Cancel();
        call.Channel.StopPlayback();
        string? number;
        try
        {
            number = await dialog;
        }
        catch (Exception error) when (error is ChannelHangupException or InvalidOperationException or OperationCanceledException)
        {
            number = null;
        }

        return waiter.Connected.Task.IsCompleted ? (waiter.Connected.Task, null)
            : call.Channel.State != ChannelState.Up ? (call.Channel.Ended, null)
            : (null, done == dialog ? number : null);
    }

    // The next moment this caller could be offered where they could not before: the end of a retry pause, or a skills
    // queue's next widening step.
    private TimeSpan? NextWake(WaitingCaller waiter)
    {
        var now = _clock.Time.GetUtcNow();
        TimeSpan? next = waiter.RetryAt > now ? waiter.RetryAt - now : null;
        if (waiter.Slot is { Strategy: StrategyKind.Skills } queue && queue.NextWideningAfter(now - waiter.EnteredAt) is { } step)
        {
            var untilStep = waiter.EnteredAt + step - now;
            next = next is { } retry && retry < untilStep ? retry : untilStep;
        }

        return next;
    }

    private string? Refusal(QueueDefinition queue)
    {
        var slot = _router.QueueFor(queue);
        return queue.MaxLength > 0 && slot.Callers.Count >= queue.MaxLength ? CallEventKinds.QueueFull
            : !queue.JoinEmpty && !_router.AnyMemberLoggedIn(slot) ? CallEventKinds.ExitEmpty
            : null;
    }

    private static void SetOutcome(CallSession call, bool countsWait, string outcome)
    {
        if (countsWait)
        {
            call.Outcome = outcome;
        }
    }

    /// <summary>Offers every caller who can be offered now, in serving order; re-entrant calls fold into the running one.</summary>
    private void Dispatch()
    {
        if (_dispatching)
        {
            _dispatchAgain = true;
            return;
        }

        _dispatching = true;
        try
        {
            do
            {
                _dispatchAgain = false;
                while (_router.NextOffer(_clock.Time.GetUtcNow(), out var waiter))
                {
                    StartOffer(waiter!);
                }
            }
            while (_dispatchAgain);
        }
        finally
        {
            _dispatching = false;
        }
    }

    private void StartOffer(WaitingCaller waiter)
    {
        var agents = new List<AgentDefinition>(_router.PickedCount);
        foreach (var slot in _router.Picked)
        {
            if (_directory.Agent(slot.Id) is { } agent)
            {
                agents.Add(agent);
            }
        }

        _router.Offered(waiter);
        waiter.Ringing = true;
        waiter.OfferedAt = _clock.Time.GetUtcNow();
        waiter.Offer = OfferAsync(waiter, agents);
    }

    private async Task OfferAsync(WaitingCaller waiter, List<AgentDefinition> agents)
    {
        var queue = waiter.Queue;
        var winner = await _ringAll.RingAsync(waiter, agents, agentId => AfterNoAnswer(queue, agentId));
        waiter.Ringing = false;
        if (winner is { } won)
        {
            waiter.Connected.TrySetResult(won);
            return;
        }

        // Nobody answered: the caller gets the queue's retry pause (at least a tick, so an agent who cannot be dialled
        // is not tried again in the same instant), and a single agent who let them ring out goes last next time.
        waiter.LastUnanswered = agents.Count == 1 ? _router.AgentFor(agents[0].Id) : null;
        waiter.RetryAt = _clock.Time.GetUtcNow() + (queue.RetryDelay > MediaClock.TickInterval ? queue.RetryDelay : MediaClock.TickInterval);
        waiter.Wake();
    }

    // Auto-pause: an agent who lets AutoPauseAfter offers in a row ring out is set not ready instead of available.
    private AgentStatus AfterNoAnswer(QueueDefinition queue, string agentId)
    {
        var slot = _router.AgentFor(agentId);
        slot.UnansweredInRow++;
        if (queue.AutoPauseAfter > 0 && slot.UnansweredInRow >= queue.AutoPauseAfter)
        {
            slot.UnansweredInRow = 0;
            return AgentStatus.NotReady;
        }

        return AgentStatus.Available;
    }

    private void OnAgentStatusChanged(string agentId, AgentStatus status)
    {
        _router.Track(agentId, status, _clock.Time.GetUtcNow());
        if (status == AgentStatus.Available)
        {
            Dispatch();
        }
        else if (status == AgentStatus.LoggedOut)
        {
            EvictFromEmptyQueues(agentId);
        }
    }

    // Leave-when-empty: once a queue's last member logs out, its waiting callers go to the overflow.
    private void EvictFromEmptyQueues(string agentId)
    {
        foreach (var queue in _router.Queues)
        {
            if (queue.Definition.LeaveWhenEmpty && queue.Callers.Count > 0
                && Array.Exists(queue.Members, m => m.Agent.Id == agentId) && !_router.AnyMemberLoggedIn(queue))
            {
                foreach (var caller in queue.Callers)
                {
                    caller.Evicted.TrySetResult("empty");
                }
            }
        }
    }

    /// <summary>Plays a prompt to its end (or until stopped); a caller who hangs up meanwhile just ends it.</summary>
    private async Task PlayToEndAsync(CallSession call, string prompt)
    {
        try
        {
            await _menus.PlayAsync(call, prompt, stopOnDigit: false);
        }
        catch (Exception error) when (error is ChannelHangupException or InvalidOperationException or OperationCanceledException)
        {
            // The caller is gone; nothing is left to play to.
        }
    }
}
