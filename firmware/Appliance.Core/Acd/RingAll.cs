using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Acd;

/// <summary>
/// Rings agents for a caller: every agent given at once (ring-all gives a tier of agents, the other strategies one); the
/// first to answer takes the call and the others stop ringing.
/// </summary>
internal sealed class RingAll(MediaClock clock, ChannelDialers dialers, AgentRoster roster, AgentOffers? offers = null)
{
    /// <summary>
    /// Rings <paramref name="agents"/> for <paramref name="waiter"/>; returns the winner, or null if nobody answered. An
    /// agent who let the offer ring out while the caller was still there goes to the state
    /// <paramref name="afterNoAnswer"/> names (available unless it says otherwise, e.g. paused).
    /// </summary>
    public async Task<(string AgentId, IChannel Leg)?> RingAsync(
        WaitingCaller waiter, IReadOnlyList<AgentDefinition> agents, Func<string, AgentStatus>? afterNoAnswer = null)
    {
        var legs = new List<(AgentDefinition Agent, IChannel Leg)>();
        foreach (var agent in agents)
        {
            try
            {
                legs.AddRange(dialers.DialAll(agent.DialString).Select(leg => (agent, leg)));
                roster.Set(agent.Id, AgentStatus.Ringing);
                offers?.Ringing(agent.Id, waiter.Call, waiter.Queue.Name, waiter.FirstEnteredAt);
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                // Not registered, malformed, or no media port free right now: this agent is skipped, the others ring.
                waiter.Call.Log(CallEventKinds.RingNoAnswer, waiter.Queue.Name, agent.Id, ("reason", "cannot-dial"));
            }
        }

        var started = clock.Time.GetUtcNow();
        using var stop = new CancellationTokenSource();
        var timeout = clock.DelayAsync(waiter.Queue.RingTimeout, stop.Token);
        (AgentDefinition Agent, IChannel Leg)? winner = null;
        var pending = legs.ToList();
        while (winner is null && pending.Count > 0 && !waiter.Gone)
        {
            var waits = pending.Select(l => (Task)l.Leg.Answered).Append(timeout).Append(waiter.CallerGone).Append(waiter.Left.Task);
            var done = await clock.WhenAny([.. waits]);
            if (done == timeout || done == waiter.CallerGone || done == waiter.Left.Task)
            {
                break;
            }

            var index = pending.FindIndex(l => l.Leg.Answered == done);
            var candidate = pending[index];
            pending.RemoveAt(index);
            if (done.IsCompletedSuccessfully)
            {
                winner = candidate;
            }
        }

        stop.Cancel();
        var ringTime = CallSessionSeconds(clock.Time.GetUtcNow() - started);
        var callerStayed = !waiter.Gone && waiter.CallerPresent;
        var keep = winner is { } w && callerStayed ? w.Leg : null;
        foreach (var (_, leg) in legs.Where(l => !ReferenceEquals(l.Leg, keep)))
        {
            leg.HangUp(HangupCause.NoAnswer);
        }

        // An agent may have had several phones ringing: one event and one state change per agent. Only an offer that
        // rang out on a caller still waiting counts against the agent (auto-pause), not one the caller walked away from.
        foreach (var agent in legs.Select(l => l.Agent).Distinct().Where(a => keep is null || !ReferenceEquals(a, winner!.Value.Agent)))
        {
            waiter.Call.Log(CallEventKinds.RingNoAnswer, waiter.Queue.Name, agent.Id, ("ringtime", ringTime));
            roster.Set(agent.Id, callerStayed && afterNoAnswer is not null ? afterNoAnswer(agent.Id) : AgentStatus.Available);
        }

        if (winner is { } won && won.Leg.State == ChannelState.Up && !waiter.Gone)
        {
            return (won.Agent.Id, won.Leg);
        }

        return null;
    }

    private static double CallSessionSeconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
