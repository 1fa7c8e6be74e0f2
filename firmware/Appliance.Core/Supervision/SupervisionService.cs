using System.Globalization;
using Appliance.Core.Acd;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Supervision.Internal;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Supervision;

/// <summary>
/// Supervisors listening to, whispering to and barging into agents' calls (Asterisk's ChanSpy with its w and B options,
/// 3CX's listen / whisper / barge-in). Starting rings the supervisor's phone as the ACD rings an agent, and joins the
/// agent's bridge when it is answered; the mode can change at any time; stopping, the supervisor hanging up or the agent's
/// part of the call ending returns caller and agent to their two-party bridge. SUPERVISE_START, SUPERVISE_MODE and
/// SUPERVISE_END go to the call's event log. The call's recording is untouched: caller left, agent right, never the
/// supervisor. Beside it, each supervision records what each party heard (<see cref="SupervisionRecorder"/>), named in
/// SUPERVISE_START and SUPERVISE_END; SUPERVISE_MODE says where in it the new mode begins ("recordingAt", seconds).
/// A supervisor may also start from their own phone (*60, *61, *62 and the agent's extension: <see cref="SupervisorFeatureCodes"/>),
/// and switch mode with the keys 4, 5 and 6. The public methods may be called from any thread (except
/// <see cref="StartFromPhone"/>, on the loop); the work runs on the media loop.
/// </summary>
public sealed class SupervisionService
{
    /// <summary>How long the supervisor's phone rings before the request is given up.</summary>
    public static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);

    // How long one wait for a supervisor's key lasts before the next (a supervision may last any time).
    private static readonly TimeSpan KeyWait = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, ActiveSupervision> _active = new(StringComparer.Ordinal);
    private readonly MediaClock _clock;
    private readonly ChannelDialers _dialers;
    private readonly ICallCenterDirectory _directory;
    private readonly AgentRoster _roster;
    private readonly SupervisableCalls _calls;
    private readonly RecordingService _recordings;
    private readonly ILogger<SupervisionService> _logger;
    private int _sequence;

    /// <summary>Creates the service over the conversations the ACD registers in <paramref name="calls"/>.</summary>
    public SupervisionService(
        MediaClock clock,
        ChannelDialers dialers,
        ICallCenterDirectory directory,
        AgentRoster roster,
        SupervisableCalls calls,
        RecordingService recordings,
        ILogger<SupervisionService> logger)
    {
        _clock = clock;
        _dialers = dialers;
        _directory = directory;
        _roster = roster;
        _calls = calls;
        _recordings = recordings;
        _logger = logger;
        calls.Ending += OnCallEnding;
    }

    /// <summary>
    /// Rings <paramref name="supervisorId"/>'s phone and joins <paramref name="agentId"/>'s call in <paramref name="mode"/> once
    /// it is answered; completes then, with the supervision.
    /// </summary>
    /// <exception cref="SupervisionRefusedException">Bad ids, not a supervisor, their own call, no call, busy, or no answer.</exception>
    public Task<SupervisionInfo> StartAsync(string supervisorId, string agentId, SupervisionMode mode)
    {
        // Completed on the loop the moment the supervisor joins or the request fails (its continuations run elsewhere).
        var joined = new TaskCompletionSource<SupervisionInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.Post(() =>
        {
            try
            {
                Begin(supervisorId, agentId, mode, joined);
            }
            catch (Exception error)
            {
                // A refusal, or a fault: either way the caller hears of it rather than waiting forever.
                joined.TrySetException(error);
            }
        });
        return joined.Task;
    }

    /// <summary>Switches a supervision (ringing or joined) to <paramref name="mode"/>.</summary>
    /// <exception cref="SupervisionRefusedException">No such supervision.</exception>
    public Task<SupervisionInfo> ChangeModeAsync(string supervisionId, SupervisionMode mode) => _clock.InvokeAsync(() =>
    {
        var supervision = Find(supervisionId);
        ApplyMode(supervision, mode, "control");
        return supervision.Info;
    });

    /// <summary>
    /// Joins <paramref name="phone"/> (a call the supervisor's phone placed to the box, e.g. *60 and the agent's
    /// extension, still ringing) to <paramref name="agentId"/>'s call in <paramref name="mode"/>: answered at once, no
    /// ring. Must be called on the media loop. During the supervision the phone's keys switch the mode (4 listen,
    /// 5 whisper, 6 barge), as they do for a supervision started from the control API.
    /// </summary>
    /// <exception cref="SupervisionRefusedException">Not a supervisor, no such agent, their own call, no call, busy.</exception>
    public SupervisionInfo StartFromPhone(IChannel phone, string supervisorId, string agentId, SupervisionMode mode)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var (_, status, target) = Check(supervisorId, agentId);
        // Nobody waits for a phone's join (it is answered here and now), so there is no join to complete: a failure is logged.
        var supervision = Open(supervisorId, target, mode, status, joined: null, [phone]);
        phone.Answer();
        return supervision.Info;
    }

    /// <summary>Ends a supervision: the supervisor's phone is hung up and caller and agent go on alone.</summary>
    /// <exception cref="SupervisionRefusedException">No such supervision.</exception>
    public Task<SupervisionInfo> StopAsync(string supervisionId) => _clock.InvokeAsync(() =>
    {
        var supervision = Find(supervisionId);
        Finish(supervision, "stopped");
        return supervision.Info;
    });

    /// <summary>The supervisions ringing or active now.</summary>
    public Task<IReadOnlyList<SupervisionInfo>> ListAsync() =>
        _clock.InvokeAsync<IReadOnlyList<SupervisionInfo>>(() => [.. _active.Values.Select(s => s.Info)]);

    /// <summary>Ends every supervision and waits for their flows (at shutdown, while the media clock still runs).</summary>
    public async Task StopAllAsync()
    {
        var flows = await _clock.InvokeAsync(() =>
        {
            var running = _active.Values.Select(s => s.Flow).OfType<Task>().ToList();
            foreach (var supervision in _active.Values.ToList())
            {
                Finish(supervision, "shutdown");
            }

            return running;
        });
        await Task.WhenAll(flows);
    }

    private void Begin(string supervisorId, string agentId, SupervisionMode mode, TaskCompletionSource<SupervisionInfo> joined)
    {
        var (supervisor, status, target) = Check(supervisorId, agentId);
        IReadOnlyList<IChannel> legs;
        try
        {
            legs = _dialers.DialAll(supervisor.DialString);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            throw Refuse(SupervisionRefusal.CannotRing, $"supervisor '{supervisorId}''s phone cannot be rung: {error.Message}");
        }

        Open(supervisorId, target, mode, status, joined, legs);
    }

    // Who may supervise whom: the refusals of the control API and the feature codes alike.
    private (AgentDefinition Supervisor, AgentStatus Status, SupervisableCall Target) Check(string supervisorId, string agentId)
    {
        var supervisor = _directory.Agent(supervisorId) ?? throw Refuse(SupervisionRefusal.UnknownSupervisor, $"there is no agent '{supervisorId}'");
        if (!supervisor.Supervisor)
        {
            throw Refuse(SupervisionRefusal.NotSupervisor, $"agent '{supervisorId}' is not a supervisor (the agent's configuration has \"supervisor\": false)");
        }

        if (_directory.Agent(agentId) is null)
        {
            throw Refuse(SupervisionRefusal.UnknownAgent, $"there is no agent '{agentId}'");
        }

        if (string.Equals(supervisorId, agentId, StringComparison.Ordinal))
        {
            throw Refuse(SupervisionRefusal.OwnCall, $"supervisor '{supervisorId}' cannot supervise their own call");
        }

        var status = _roster.StatusOf(supervisorId);
        if (_active.Values.FirstOrDefault(s => s.SupervisorId == supervisorId) is { } already)
        {
            throw Refuse(SupervisionRefusal.SupervisorBusy, $"supervisor '{supervisorId}' is already supervising ({already.Id})");
        }

        if (status is AgentStatus.OnCall or AgentStatus.Ringing)
        {
            throw Refuse(SupervisionRefusal.SupervisorBusy, $"supervisor '{supervisorId}' is busy ({status.ToString().ToLowerInvariant()})");
        }

        var target = _calls.Find(agentId) ?? throw Refuse(SupervisionRefusal.NoCall, $"agent '{agentId}' has no call to supervise");
        if (_active.Values.FirstOrDefault(s => ReferenceEquals(s.Target, target)) is { } other)
        {
            throw Refuse(SupervisionRefusal.AlreadySupervised, $"agent '{agentId}''s call is already supervised by '{other.SupervisorId}' ({other.Id})");
        }

        return (supervisor, status, target);
    }

    private ActiveSupervision Open(
        string supervisorId, SupervisableCall target, SupervisionMode mode, AgentStatus status, TaskCompletionSource<SupervisionInfo>? joined, IReadOnlyList<IChannel> legs)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"sup-{++_sequence:D6}");
        var supervision = new ActiveSupervision(id, supervisorId, target, mode, status, joined);
        supervision.Ringing.AddRange(legs);
        if (status == AgentStatus.Available)
        {
            // Not offered queue calls while their phone is taken by the supervision.
            _roster.Set(supervisorId, AgentStatus.OnCall);
        }

        _active[id] = supervision;
        SupervisionLog.Ringing(_logger, id, supervisorId, SupervisionModeNames.Name(mode), target.AgentId, target.Call.CallId);
        supervision.Flow = RunAsync(supervision);
        return supervision;
    }

    private void ApplyMode(ActiveSupervision supervision, SupervisionMode mode, string by)
    {
        var previous = supervision.Mode;
        supervision.Mode = mode;
        if (supervision.State == SupervisionState.Active && previous != mode)
        {
            supervision.Target.Bridge.ChangeSupervisionMode(mode);
            Log(supervision, CallEventKinds.SuperviseMode, ("mode", SupervisionModeNames.Name(mode)), ("previous", SupervisionModeNames.Name(previous)), ("by", by),
                ("recordingAt", supervision.Recorder is { } recorder ? CallSession.Seconds(recorder.Position) : null));
            SupervisionLog.ModeChanged(_logger, supervision.Id, supervision.Target.Call.CallId, SupervisionModeNames.Name(mode));
        }
    }

    private async Task RunAsync(ActiveSupervision supervision)
    {
        try
        {
            var timedOut = await RingAsync(supervision);
            if (supervision.Leg is not { } leg)
            {
                Finish(supervision, timedOut ? "no-answer" : "rejected");
                return;
            }

            supervision.Recorder = StartRecording(supervision);
            supervision.Target.Bridge.JoinSupervisor(leg, supervision.Mode, supervision.Recorder);
            supervision.State = SupervisionState.Active;
            supervision.JoinedAt = _clock.Time.GetUtcNow();
            Log(supervision, CallEventKinds.SuperviseStart, ("mode", SupervisionModeNames.Name(supervision.Mode)), ("recording", supervision.Recorder?.Path));
            SupervisionLog.Joined(_logger, supervision.Id, supervision.Target.Call.CallId, SupervisionModeNames.Name(supervision.Mode));
            supervision.Joined?.TrySetResult(supervision.Info);
            await FollowKeysAsync(supervision, leg);
            Finish(supervision, "supervisor-hung-up");
        }
        catch (Exception ex)
        {
            SupervisionLog.Failed(_logger, supervision.Id, supervision.Target.Call.CallId, ex);
            supervision.Joined?.TrySetException(ex);
            Finish(supervision, "failed");
        }
    }

    // Until the supervisor hangs up or the supervision is ended: keys 4, 5 and 6 on their phone switch the mode (ChanSpy's
    // DTMF switching); other keys are ignored.
    private async Task FollowKeysAsync(ActiveSupervision supervision, IChannel leg)
    {
        while (supervision.State == SupervisionState.Active && leg.State != ChannelState.Down)
        {
            var key = leg.ReadDigitAsync(KeyWait);
            var done = await _clock.WhenAny(key, leg.Ended, supervision.Over.Task);
            if (done != key || !key.IsCompletedSuccessfully)
            {
                // Ended, or the phone went down while waiting for a key. The wait still pending faults when the phone is
                // hung up: observe that, so it is not reported as an unobserved exception.
                ObserveFault(key);
                return;
            }

            if (SupervisionModeNames.ForKey(key.Result) is { } mode)
            {
                ApplyMode(supervision, mode, "phone");
            }
        }
    }

    private static void ObserveFault(Task task) => task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);

    // Rings every phone of the supervisor; the first to answer is kept. True when the ring timed out.
    private async Task<bool> RingAsync(ActiveSupervision supervision)
    {
        using var stop = new CancellationTokenSource();
        var timeout = _clock.DelayAsync(RingTimeout, stop.Token);
        var pending = supervision.Ringing.ToList();
        try
        {
            while (pending.Count > 0 && supervision.State == SupervisionState.Ringing)
            {
                var done = await _clock.WhenAny([.. pending.Select(l => l.Answered), timeout, supervision.Over.Task]);
                if (done == timeout || done == supervision.Over.Task)
                {
                    return done == timeout;
                }

                var leg = pending.First(l => l.Answered == done);
                pending.Remove(leg);
                if (done.IsCompletedSuccessfully && supervision.State == SupervisionState.Ringing && !supervision.Target.Ended)
                {
                    supervision.Leg = leg;
                    return false;
                }
            }

            return false;
        }
        finally
        {
            stop.Cancel();
            foreach (var other in supervision.Ringing.Where(l => !ReferenceEquals(l, supervision.Leg)))
            {
                other.HangUp(HangupCause.NoAnswer);
            }
        }
    }

    // Ends a supervision whoever asked (idempotent): out of the bridge, phone hung up, the supervisor's state given back.
    private void Finish(ActiveSupervision supervision, string reason)
    {
        if (supervision.State == SupervisionState.Ended)
        {
            return;
        }

        var wasActive = supervision.State == SupervisionState.Active;
        supervision.State = SupervisionState.Ended;
        _active.Remove(supervision.Id);
        if (supervision.Leg is { } leg && ReferenceEquals(supervision.Target.Bridge.Supervisor, leg))
        {
            supervision.Target.Bridge.RemoveSupervisor();
        }

        supervision.Recorder?.Dispose();

        foreach (var phone in supervision.Ringing)
        {
            phone.HangUp(wasActive ? HangupCause.Local : HangupCause.NoAnswer);
        }

        if (supervision.SupervisorWas == AgentStatus.Available && _roster.StatusOf(supervision.SupervisorId) == AgentStatus.OnCall)
        {
            _roster.Set(supervision.SupervisorId, AgentStatus.Available);
        }

        if (wasActive)
        {
            var seconds = CallSession.Seconds(_clock.Time.GetUtcNow() - supervision.JoinedAt);
            Log(supervision, CallEventKinds.SuperviseEnd, ("reason", reason), ("seconds", seconds), ("recording", supervision.Recorder?.Path));
            SupervisionLog.Ended(_logger, supervision.Id, supervision.Target.Call.CallId, reason);
        }
        else
        {
            SupervisionLog.NotJoined(_logger, supervision.Id, supervision.Target.Call.CallId, reason);
            supervision.Joined?.TrySetException(new SupervisionRefusedException(
                SupervisionRefusal.NotAnswered, $"supervisor '{supervision.SupervisorId}' did not join agent '{supervision.Target.AgentId}''s call: {reason}"));
        }

        supervision.Over.TrySetResult(reason);
    }

    // What each party hears from now on; a disk that refuses the file costs the recording, not the supervision.
    private SupervisionRecorder? StartRecording(ActiveSupervision supervision)
    {
        var call = supervision.Target.Call;
        try
        {
            var recorder = _recordings.StartSupervision(call, supervision.Id);
            call.PendingSupervisionRecordings.Add(recorder.Completion);
            return recorder;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            SupervisionLog.NotRecorded(_logger, supervision.Id, call.CallId, error);
            return null;
        }
    }

    private void OnCallEnding(SupervisableCall call)
    {
        // The caller still there means the agent left it: hung up, or transferred the caller on.
        var reason = call.Call.Channel.State == ChannelState.Down ? "call-ended" : "agent-left";
        foreach (var supervision in _active.Values.Where(s => ReferenceEquals(s.Target, call)).ToList())
        {
            Finish(supervision, reason);
        }
    }

    private ActiveSupervision Find(string supervisionId) =>
        _active.GetValueOrDefault(supervisionId)
        ?? throw Refuse(SupervisionRefusal.UnknownSupervision, $"there is no supervision '{supervisionId}' (it may have ended)");

    private static void Log(ActiveSupervision supervision, string kind, params (string Key, object? Value)[] data) =>
        supervision.Target.Call.Log(kind, supervision.Target.Queue, supervision.Target.AgentId, [("supervisor", supervision.SupervisorId), ("supervision", supervision.Id), .. data]);

    private SupervisionRefusedException Refuse(SupervisionRefusal reason, string message)
    {
        SupervisionLog.Refused(_logger, message);
        return new SupervisionRefusedException(reason, message);
    }
}
