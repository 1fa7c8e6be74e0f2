using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Configuration;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Runs each pending callback on the media loop: it waits in its queue with the caller's place (same serving key, no
/// channel), and when an agent is picked and answers, that agent is reserved (hears "callback-agent") while the
/// customer is dialled; an answer is bridged through the usual conversation (recording, wrap-up); busy, no answer or a
/// failure releases the agent and retries after the queue's interval, up to its attempts, then closes it as failed.
/// Every change goes to the store (off the loop), so a restart puts the callback back where it was.
/// </summary>
internal sealed class CallbackRunner(
    MediaClock clock, AgentFirstDialler dialler, Conversation conversation, ICallCenterDirectory directory, AcdCallbacks? setup, WaitForecaster forecaster)
{
    /// <summary>How long the customer's phone rings before the attempt counts as unanswered.</summary>
    internal static readonly TimeSpan CustomerRingTimeout = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _suspended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ICallbackStore _store = setup?.Store ?? new UnsavedCallbacks();
    private readonly ILogger _logger = setup?.Logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>A caller confirmed <paramref name="number"/>: their place becomes a callback (call before they leave).</summary>
    public void Request(WaitingCaller waiter, string number)
    {
        var call = waiter.Call;
        var now = clock.Time.GetUtcNow();
        var callback = new PendingCallback(CallIds.New(now), call.CallId, waiter.Queue.Name, number, call.Language, waiter.Priority, waiter.FirstEnteredAt, waiter.EnteredAt)
        {
            RetryAt = now,
        };
        _store.Save(callback);
        call.Log(CallEventKinds.CallbackRequested, waiter.Queue.Name, data: [("callback", callback.Id), ("number", number), ("position", Router.PositionOf(waiter))]);
        CallbackLog.Requested(_logger, callback.Id, call.CallId, waiter.Queue.Name);
        clock.Own(RunAsync(callback, setup?.Journal ?? call.Journal), "callback");
    }

    /// <summary>Stores <paramref name="callback"/> and runs it from its place (made by whoever asked for it, not by a caller here).</summary>
    public void Queue(PendingCallback callback, ICallJournal journal)
    {
        _store.Save(callback);
        CallbackLog.Requested(_logger, callback.Id, callback.OriginCallId, callback.Queue);
        clock.Own(RunAsync(callback, setup?.Journal ?? journal), "callback");
    }

    /// <summary>Puts callbacks stored before a restart back in their queues; one that was being dialled has had that attempt.</summary>
    public void Restore(IReadOnlyList<PendingCallback> pending)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var now = clock.Time.GetUtcNow();
        foreach (var callback in pending)
        {
            var resumed = callback with { Dialling = false, RetryAt = callback.RetryAt > now ? callback.RetryAt : now };
            clock.Own(RunAsync(resumed, setup.Journal), "callback");
        }

        CallbackLog.Restored(_logger, pending.Count);
    }

    /// <summary>The box is stopping: callbacks leave their queues and stay stored as they are.</summary>
    public void Suspend() => _suspended.TrySetResult();

    private async Task RunAsync(PendingCallback callback, ICallJournal journal)
    {
        var session = new CallSession(callback.Id, new UndialledChannel(callback.Id, callback.Number), null, journal, clock.Time)
        {
            Queue = callback.Queue,
            Language = callback.Language,
            Outcome = CallOutcome.CallbackFailed,
        };
        while (true)
        {
            if (directory.Queue(callback.Queue) is not { Callback: { } settings } queue)
            {
                CallbackLog.QueueGone(_logger, callback.Id, callback.Queue);
                await CloseAsync(session, callback, "queue-gone", CallOutcome.CallbackFailed);
                return;
            }

            if (callback.Attempts >= settings.Attempts)
            {
                await FailAsync(session, callback, queue);
                return;
            }

            var place = new AgentFirstPlace(callback.EnteredAt, callback.FirstEnteredAt, callback.Priority, callback.RetryAt);
            if (await dialler.WaitForAgentAsync(session, queue, place, _suspended.Task) is not { } agent)
            {
                return; // suspended: it stays stored as it is
            }

            callback = callback with { Attempts = callback.Attempts + 1, Dialling = true };
            _store.Save(callback);
            var dialString = settings.DialString.Replace("{number}", callback.Number, StringComparison.Ordinal);
            var (outcome, customer) = await dialler.DialAsync(session, dialString, agent, "callback-agent", CustomerRingTimeout, _suspended.Task);
            session.Log(CallEventKinds.CallbackAttempt, queue.Name, agent.AgentId, [("attempt", callback.Attempts), ("outcome", outcome), ("origin", callback.OriginCallId)]);
            CallbackLog.Attempted(_logger, callback.Id, callback.Attempts, agent.AgentId, outcome);
            if (customer is not null)
            {
                await TalkAsync(session, callback, agent, customer);
                return;
            }

            if (_suspended.Task.IsCompleted)
            {
                return; // stored as dialling: the attempt counts, and it is retried after the restart
            }

            var retries = settings.RetryAfterSeconds;
            var wait = retries.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(retries[Math.Min(callback.Attempts, retries.Count) - 1]);
            callback = callback with { Dialling = false, RetryAt = clock.Time.GetUtcNow() + wait };
            _store.Save(callback);
        }
    }

    private async Task TalkAsync(CallSession session, PendingCallback callback, AgentLeg agent, IChannel customer)
    {
        _store.Close(callback.Id, "connected", clock.Time.GetUtcNow());
        session.Channel = customer;
        session.AnsweredAt = session.Now;
        session.Wait = session.Now - callback.FirstEnteredAt;
        session.Log(CallEventKinds.CallbackConnected, agent.Queue.Name, agent.AgentId, [("attempt", callback.Attempts), ("origin", callback.OriginCallId)]);
        var queue = agent.Queue;
        await conversation.TalkAsync(session, agent, _ => { }, talk => forecaster.Record(queue.Name, talk + queue.WrapUp));
        await CloseAsync(session, callback, null, CallOutcome.CallbackConnected);
    }

    private async Task FailAsync(CallSession session, PendingCallback callback, QueueDefinition queue)
    {
        session.Log(CallEventKinds.CallbackFailed, queue.Name, data: [("attempts", callback.Attempts), ("origin", callback.OriginCallId)]);
        CallbackLog.Failed(_logger, callback.Id, callback.Attempts);
        await CloseAsync(session, callback, "failed", CallOutcome.CallbackFailed);
    }

    // Writes the callback's own call record (its attempts counted on it), after closing it in the store.
    private async Task CloseAsync(CallSession session, PendingCallback callback, string? storeOutcome, string outcome)
    {
        if (storeOutcome is not null)
        {
            _store.Close(callback.Id, storeOutcome, clock.Time.GetUtcNow());
        }

        session.Outcome = outcome;
        session.Channel.HangUp();
        var cause = await session.Channel.Ended;
        session.Log(CallEventKinds.CallEnd, session.Queue, session.Agent, [("outcome", outcome), ("attempts", callback.Attempts), ("origin", callback.OriginCallId)]);
        try
        {
            await session.Journal.CompleteCallAsync(session.ToDetail(cause) with { CallerNumber = callback.Number, CallbackAttempts = callback.Attempts });
        }
        catch (Exception ex)
        {
            CallbackLog.RecordFailed(_logger, callback.Id, ex);
        }
    }

    // Without a configured store callbacks live only in memory.
    private sealed class UnsavedCallbacks : ICallbackStore
    {
        public IReadOnlyList<PendingCallback> LoadPending() => [];

        public void Save(PendingCallback callback)
        {
        }

        public void Close(string id, string outcome, DateTimeOffset at)
        {
        }
    }
}
