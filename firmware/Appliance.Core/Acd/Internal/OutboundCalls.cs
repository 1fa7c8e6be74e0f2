using Appliance.Core.Directory;
using Appliance.Core.Routing;
using Appliance.Telephony.Clock;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Outbound calls made for an agent (campaigns): waits for a free agent of the queue, dials the customer agent-first
/// and, when they answer, runs the usual conversation (recording, wrap-up) before returning.
/// </summary>
internal sealed class OutboundCalls(MediaClock clock, AgentFirstDialler dialler, Conversation conversation, WaitForecaster forecaster)
{
    public async Task<OutboundAttempt> CallAsync(CallSession session, QueueDefinition queue, OutboundDial dial)
    {
        var now = clock.Time.GetUtcNow();
        session.Queue = queue.Name;
        if (await dialler.WaitForAgentAsync(session, queue, new AgentFirstPlace(now, now, 0, now), dial.StopWaiting) is not { } agent)
        {
            return new OutboundAttempt(null, null);
        }

        dial.Dialling?.Invoke(agent.AgentId);
        var (outcome, customer) = await dialler.DialAsync(session, dial.DialString, agent, "callback-agent", dial.RingTimeout, dial.StopDialling);
        if (customer is null)
        {
            return new OutboundAttempt(outcome, agent.AgentId);
        }

        session.Channel = customer;
        session.AnsweredAt = session.Now;
        session.Wait = session.Now - session.StartedAt;
        await conversation.TalkAsync(session, agent, _ => { }, talk => forecaster.Record(queue.Name, talk + queue.WrapUp));
        return new OutboundAttempt(outcome, agent.AgentId);
    }
}
