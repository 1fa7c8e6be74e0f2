using Appliance.Core.Acd;
using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Campaigns.Internal;

/// <summary>
/// One dialling worker of a running campaign, on the media loop: a campaign has one per member of its queue, so no
/// more contacts are dialled at once than it has agents, and each waits for a free agent before dialling (agent
/// first). Outside calling hours, or when nothing is due, it waits for the next moment something can be.
/// </summary>
internal sealed class CampaignWorker(
    MediaClock clock, AcdService acd, ICallCenterDirectory directory, ICampaignStore store, ICallJournal journal, ILogger logger,
    IReadOnlySet<string> doNotCall, Task boxStopping)
{
    public async Task RunAsync(CampaignRun run)
    {
        while (!run.Stop.Task.IsCompleted)
        {
            var stop = run.Stop.Task; // read each time: a pause and a start give the run a new one
            var now = clock.Time.GetUtcNow();
            var poked = run.Poke.Task;
            if (!CampaignSchedule.IsOpen(run.Record, now, directory.TimeZone))
            {
                await NapAsync(CampaignSchedule.UntilOpen(run.Record, now, directory.TimeZone), poked, stop);
                continue;
            }

            var (due, earliest) = NextDue(run, now);
            if (due is null)
            {
                if (earliest is null && run.InFlight.Count == 0)
                {
                    Finish(run);
                    return;
                }

                await NapAsync(earliest - now, poked, stop);
                continue;
            }

            if (doNotCall.Contains(due.Number))
            {
                Complete(run, due with { Result = "dnc" }, null);
                continue;
            }

            run.InFlight.Add(due.Number);
            try
            {
                await AttemptAsync(run, due);
            }
            finally
            {
                run.InFlight.Remove(due.Number);
                run.Wake();
            }
        }
    }

    private static (CampaignContactRecord? Due, DateTimeOffset? Earliest) NextDue(CampaignRun run, DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (var contact in run.Contacts)
        {
            if (contact.Result is not null || run.InFlight.Contains(contact.Number))
            {
                continue;
            }

            if (contact.NextAt <= now)
            {
                return (contact, null);
            }

            earliest = earliest is { } e && e < contact.NextAt ? e : contact.NextAt;
        }

        return (null, earliest);
    }

    private async Task AttemptAsync(CampaignRun run, CampaignContactRecord contact)
    {
        var campaign = run.Record;
        if (directory.Queue(campaign.Queue) is not { } queue)
        {
            CampaignLog.QueueGone(logger, campaign.Name, campaign.Queue);
            run.Record = campaign with { State = "paused" };
            store.SetState(campaign.Name, "paused");
            run.Stop.TrySetResult();
            return;
        }

        if (campaign.Mode == "preview" && !await OfferAsync(run, contact))
        {
            return;
        }

        var callId = CallIds.New(clock.Time.GetUtcNow());
        var session = new CallSession(callId, new UndialledChannel(callId, contact.Number), null, journal, clock.Time) { Outcome = CallOutcome.CampaignUnanswered };
        var dialString = campaign.DialString.Replace("{number}", contact.Number, StringComparison.Ordinal);
        var attempt = contact with { Attempts = contact.Attempts + 1, Dialling = true };
        var dial = new OutboundDial(dialString, TimeSpan.FromSeconds(campaign.RingSeconds), run.Stop.Task, boxStopping, _ =>
        {
            Replace(run, attempt);
            store.SaveContact(attempt);
        });
        var result = await acd.CallOutAsync(session, queue, dial);
        if (result.Outcome is not { } outcome || outcome == "stopped")
        {
            return; // no agent came free before the pause, or the box stops mid-attempt: it counts, stored as dialling
        }

        session.Log(CallEventKinds.CampaignAttempt, queue.Name, result.AgentId,
            [("campaign", campaign.Name), ("attempt", attempt.Attempts), ("outcome", outcome), ("line", contact.Line)]);
        CampaignLog.Attempted(logger, campaign.Name, contact.Line, attempt.Attempts, result.AgentId, outcome);
        var after = CampaignSchedule.AfterAttempt(campaign, attempt, outcome, clock.Time.GetUtcNow());
        Complete(run, after, session);
        session.Outcome = outcome == CampaignSchedule.Answered ? CallOutcome.CampaignConnected : CallOutcome.CampaignUnanswered;
        await WriteRecordAsync(campaign.Name, session, attempt);
    }

    // Preview: the contact waits for an agent's accept (dial) or skip before anything is dialled.
    private async Task<bool> OfferAsync(CampaignRun run, CampaignContactRecord contact)
    {
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        (run.Offered, run.Accepted) = (contact, accepted);
        try
        {
            if (await clock.WhenAny(accepted.Task, run.Stop.Task) != accepted.Task)
            {
                return false;
            }
        }
        finally
        {
            (run.Offered, run.Accepted) = (null, null);
        }

        if (!accepted.Task.Result)
        {
            Complete(run, contact with { Result = "skipped" }, null);
            return false;
        }

        return true;
    }

    private void Complete(CampaignRun run, CampaignContactRecord contact, CallSession? session)
    {
        Replace(run, contact);
        store.SaveContact(contact);
        if (contact.Result is { } result)
        {
            session?.Log(CallEventKinds.CampaignResult, run.Record.Queue, data: [("campaign", run.Record.Name), ("result", result), ("attempts", contact.Attempts)]);
            CampaignLog.Completed(logger, run.Record.Name, contact.Line, result);
        }
    }

    private static void Replace(CampaignRun run, CampaignContactRecord contact)
    {
        var index = run.IndexOf(contact.Number);
        if (index >= 0)
        {
            run.Contacts[index] = contact;
        }
    }

    private void Finish(CampaignRun run)
    {
        if (run.Record.State != "running")
        {
            return;
        }

        run.Record = run.Record with { State = "finished" };
        store.SetState(run.Record.Name, "finished");
        CampaignLog.StateChanged(logger, run.Record.Name, "finished");
        run.Stop.TrySetResult();
    }

    private async Task NapAsync(TimeSpan? after, Task poked, Task stop)
    {
        using var napStop = new CancellationTokenSource();
        var nap = after is { } wait ? clock.DelayAsync(wait > TimeSpan.Zero ? wait : MediaClock.TickInterval, napStop.Token) : poked;
        await clock.WhenAny(nap, poked, stop);
        napStop.Cancel();
    }

    private async Task WriteRecordAsync(string campaign, CallSession session, CampaignContactRecord contact)
    {
        session.Channel.HangUp();
        var cause = await session.Channel.Ended;
        session.Log(CallEventKinds.CallEnd, session.Queue, session.Agent, [("outcome", session.Outcome), ("campaign", campaign), ("attempt", contact.Attempts)]);
        try
        {
            await session.Journal.CompleteCallAsync(session.ToDetail(cause) with { CallerNumber = contact.Number });
        }
        catch (Exception ex)
        {
            CampaignLog.RecordFailed(logger, campaign, session.CallId, ex);
        }
    }
}
