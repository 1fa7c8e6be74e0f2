using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Agent-first dialling, shared by callbacks and campaigns: a call that has no channel yet waits in its queue for an
/// agent (with a serving key of its own), the agent who answers is reserved (hears a prompt) while the customer is
/// dialled, and an unanswered, busy or failed customer releases the agent. Runs on the media loop.
/// </summary>
internal sealed class AgentFirstDialler(
    MediaClock clock, ChannelDialers dialers, AgentRoster roster, Router router, FlowRunner menus, Action dispatch, Func<WaitingCaller, TimeSpan?> nextWake)
{
    /// <summary>Waits in <paramref name="queue"/> until an agent answers, or returns null once <paramref name="stop"/> completes.</summary>
    public async Task<AgentLeg?> WaitForAgentAsync(CallSession session, QueueDefinition queue, AgentFirstPlace place, Task stop)
    {
        var waiter = new WaitingCaller(session, queue, place.EnteredAt, 0)
        {
            FirstEnteredAt = place.FirstEnteredAt,
            Priority = place.Priority,
            IsCallback = true,
            RetryAt = place.RetryAt,
        };
        router.Join(waiter);
        try
        {
            while (true)
            {
                waiter.ResetWakeup();
                dispatch();
                using var napStop = new CancellationTokenSource();
                var nap = nextWake(waiter) is { } after ? clock.DelayAsync(after, napStop.Token) : waiter.Wakeup;
                var first = await clock.WhenAny(waiter.Connected.Task, stop, waiter.Wakeup, nap);
                napStop.Cancel();
                if (first == waiter.Connected.Task)
                {
                    var (agentId, leg) = waiter.Connected.Task.Result;
                    return new AgentLeg(agentId, leg, queue);
                }

                if (first == stop)
                {
                    return null;
                }
            }
        }
        finally
        {
            waiter.Gone = true;
            waiter.Left.TrySetResult();
            router.Leave(waiter);
            await waiter.Offer;
        }
    }

    /// <summary>
    /// Reserves the agent (who hears <paramref name="agentPrompt"/>) and dials <paramref name="dialString"/>: returns
    /// "answered" with the customer's channel, or the outcome (busy, no-answer, congestion, rejected, failed,
    /// cannot-dial, agent-gone, stopped) with the agent released.
    /// </summary>
    public async Task<(string Outcome, IChannel? Customer)> DialAsync(
        CallSession session, string dialString, AgentLeg agent, string agentPrompt, TimeSpan ringTimeout, Task stop)
    {
        roster.Set(agent.AgentId, AgentStatus.OnCall);
        clock.Own(TellAgentAsync(session, agent.Leg, agentPrompt), "agent-first prompt");
        IChannel customer;
        try
        {
            customer = dialers.Dial(dialString);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            Release(agent);
            return ("cannot-dial", null);
        }

        // The ring timeout counts ringing only: an analog line first waits for dial tone and sends the digits (about 3 s),
        // which used to count against it, so a customer answering at the second ring of an 8 s campaign got "no-answer".
        var sent = customer is IDialProgress progress ? progress.NumberSent : Task.CompletedTask;
        var first = sent.IsCompleted ? sent : await clock.WhenAny(sent, customer.Answered, customer.Ended, agent.Leg.Ended, stop);
        var timedOut = false;
        if (first == sent)
        {
            using var limitStop = new CancellationTokenSource();
            var limit = clock.DelayAsync(ringTimeout, limitStop.Token);
            first = await clock.WhenAny(customer.Answered, customer.Ended, agent.Leg.Ended, limit, stop);
            limitStop.Cancel();
            timedOut = first == limit;
        }

        if (customer.Answered.IsCompletedSuccessfully && customer.State == ChannelState.Up && agent.Leg.State == ChannelState.Up)
        {
            return ("answered", customer);
        }

        var outcome = first == agent.Leg.Ended ? "agent-gone"
            : timedOut ? "no-answer"
            : first == stop ? "stopped"
            : customer.Ended.IsCompleted ? OutcomeOf(customer.Ended.Result) : "failed";
        customer.HangUp(HangupCause.NoAnswer);
        Release(agent);
        return (outcome, null);
    }

    // Mapped by name: a line technology may add causes (an analog "Busy") that this code need not know to map them.
    private static string OutcomeOf(HangupCause cause) => cause.ToString() switch
    {
        "Busy" => "busy",
        nameof(HangupCause.Congestion) => "congestion",
        nameof(HangupCause.NoAnswer) => "no-answer",
        nameof(HangupCause.Remote) => "rejected",
        _ => "failed",
    };

    private void Release(AgentLeg agent)
    {
        agent.Leg.HangUp();
        roster.Set(agent.AgentId, AgentStatus.Available);
    }

    private async Task TellAgentAsync(CallSession session, IChannel agentLeg, string prompt)
    {
        try
        {
            await menus.PlayOnAsync(session, agentLeg, prompt);
        }
        catch (Exception error) when (error is ChannelHangupException or InvalidOperationException or OperationCanceledException)
        {
            // The agent's phone went down first; the attempt sees it.
        }
    }
}
