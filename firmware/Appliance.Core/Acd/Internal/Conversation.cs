using Appliance.Core.Configuration;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// A caller talking to agents, from the first connect to the end: one stereo recording across the whole call, music to
/// whoever is left while the other holds, and blind transfers (to an available agent or to a queue) asked by the agent's
/// phone. A transfer the target does not answer brings the caller back to the queue rather than dropping them. When the
/// agent hangs up first, a queue with a survey asks the caller still on the line to rate the call before the box hangs up.
/// </summary>
internal sealed class Conversation(
    MediaClock clock, AgentRoster roster, RecordingService recordings, TransferRouter transfers, SupervisableCalls supervisable, FlowRunner menus)
{
    /// <summary>How long the transferring phone gets to hang up by itself (RFC 5589: the transferor sends BYE) before the box does.</summary>
    internal static readonly TimeSpan TransferorHangupGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Talks from the first connect to the end; <paramref name="talked"/> hears the talk time as soon as the call ends,
    /// before the recording is closed on disk.
    /// </summary>
    public async Task TalkAsync(CallSession call, AgentLeg first, Action<CallSession> connected, Action<TimeSpan>? talked = null)
    {
        call.Agent = first.AgentId;
        call.ConnectedAt = clock.Time.GetUtcNow();
        call.Outcome = CallOutcome.AnsweredByAgent;
        Connect(call, first);
        connected(call);
        var recorder = TakeRecorder(call, first);
        var current = first;
        QueueSurvey? survey = null;
        try
        {
            while (true)
            {
                var (target, agentEnded) = await SegmentAsync(call, current, recorder);
                if (target is null)
                {
                    survey = agentEnded && call.Channel.State == ChannelState.Up ? current.Queue.Survey : null;
                    break;
                }

                call.Log(CallEventKinds.BlindTransfer, current.Queue.Name, current.AgentId, ("target", target));
                clock.Own(ReleaseTransferorAsync(current), "transferor release");
                if (await transfers.RouteAsync(call, current.Queue, target) is not { } next)
                {
                    break;
                }

                current = next;
                Connect(call, current, ("transfer", true));
            }
        }
        finally
        {
            recorder.Dispose();
            if (survey is null)
            {
                call.Channel.HangUp();
            }
        }

        call.Talk = clock.Time.GetUtcNow() - call.ConnectedAt.Value;
        talked?.Invoke(call.Talk);

        // The recorder stopped above, so the rating is never recorded; the survey does not wait for the file to close.
        if (survey is not null)
        {
            await PostCallSurvey.RunAsync(menus, call, survey, current.Queue.Name, current.AgentId);
            call.Channel.HangUp();
        }

        call.Recording = await recorder.Completion;
        call.SupervisionRecordings = await Task.WhenAll(call.PendingSupervisionRecordings);
        if (call.Recording is { } recording)
        {
            (string, object?)[] data = recorder.WasCutShort
                ? [("path", recorder.Path), ("seconds", CallSession.Seconds(recording.Duration)), ("suspended", true)]
                : [("path", recorder.Path), ("seconds", CallSession.Seconds(recording.Duration))];
            call.Log(CallEventKinds.RecordingEnd, current.Queue.Name, current.AgentId, data);
        }
    }

    // A call recorded from answer keeps its one file (and its PCI pause markers); the bridge feeds it from now on.
    private CallRecorder TakeRecorder(CallSession call, AgentLeg first)
    {
        call.RecorderFeed?.Dispose();
        call.RecorderFeed = null;
        if (call.Recorder is { IsClosed: false } open)
        {
            return open;
        }

        var recorder = recordings.Start(call);
        call.Recorder = recorder;
        if (recorder.IsRecording)
        {
            call.Log(CallEventKinds.RecordingStart, first.Queue.Name, first.AgentId, ("path", recorder.Path));
        }

        return recorder;
    }

    private void Connect(CallSession call, AgentLeg agent, params (string Key, object? Value)[] more)
    {
        roster.Set(agent.AgentId, AgentStatus.OnCall);
        call.Log(CallEventKinds.Connect, agent.Queue.Name, agent.AgentId, [("holdtime", CallSession.Seconds(call.Wait)), .. more]);
        call.Channel.StopPlayback();
    }

    /// <summary>
    /// Bridges caller and agent until one hangs up (no target; whether the agent did) or the agent transfers the caller
    /// (the target).
    /// </summary>
    private async Task<(string? Target, bool AgentEnded)> SegmentAsync(CallSession call, AgentLeg agent, CallRecorder recorder)
    {
        var transfer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bridge = new Bridge(clock, call.Channel, agent.Leg, recorder, call.Privacy);
        var holds = new HoldWatcher(call, agent, bridge, clock.Time);
        var supervised = supervisable.Add(call, agent.AgentId, agent.Queue.Name, bridge);
        void OnTransfer(IChannel leg, string target)
        {
            var taken = !transfer.Task.IsCompleted && transfers.CanRoute(target, agent.AgentId);
            leg.ReportTransfer(taken);
            if (taken)
            {
                transfer.TrySetResult(target);
            }
        }

        agent.Leg.TransferRequested += OnTransfer;
        try
        {
            var first = await clock.WhenAny(call.Channel.Ended, agent.Leg.Ended, transfer.Task);
            if (first == transfer.Task)
            {
                bridge.DetachTap();
                return (transfer.Task.Result, false);
            }

            var talk = CallSession.Seconds(clock.Time.GetUtcNow() - call.ConnectedAt!.Value);
            var kind = first == call.Channel.Ended ? CallEventKinds.CompleteCaller : CallEventKinds.CompleteAgent;
            call.Log(kind, agent.Queue.Name, agent.AgentId, [("holdtime", CallSession.Seconds(call.Wait)), ("talktime", talk)]);
            agent.Leg.HangUp();
            clock.Own(WrapUpAsync(agent), "wrap-up");
            return (null, first == agent.Leg.Ended);
        }
        finally
        {
            agent.Leg.TransferRequested -= OnTransfer;
            holds.Dispose();

            // A supervisor of this agent leaves (SUPERVISE_END) before the bridge splits.
            supervised.Dispose();
            bridge.Dispose();
        }
    }

    private async Task ReleaseTransferorAsync(AgentLeg transferor)
    {
        clock.Own(WrapUpAsync(transferor), "wrap-up");
        using var stop = new CancellationTokenSource();
        var grace = clock.DelayAsync(TransferorHangupGrace, stop.Token);
        await clock.WhenAny(transferor.Leg.Ended, grace);
        stop.Cancel();
        transferor.Leg.HangUp();
    }

    private async Task WrapUpAsync(AgentLeg agent)
    {
        roster.Set(agent.AgentId, AgentStatus.WrapUp);
        await clock.DelayAsync(agent.Queue.WrapUp);
        roster.Set(agent.AgentId, AgentStatus.Available);
    }
}
