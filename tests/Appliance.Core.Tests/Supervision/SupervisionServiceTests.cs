using Appliance.Core.Acd;
using Appliance.Core.Journal;
using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;
using static Appliance.Core.Tests.Supervision.SupervisionHarness;

namespace Appliance.Core.Tests.Supervision;

/// <summary>
/// A supervisor rung on their phone joins an agent's call, and who heard what is proven by tone: caller 600 Hz, agent
/// 1400 Hz, supervisor 2000 Hz.
/// </summary>
public sealed class SupervisionServiceTests : IDisposable
{
    private readonly SupervisionHarness _box = new();

    public void Dispose() => _box.Dispose();

    [Theory]
    [InlineData(SupervisionMode.Listen, new[] { AgentHz }, new[] { CallerHz })]
    [InlineData(SupervisionMode.Whisper, new[] { AgentHz }, new[] { CallerHz, SupervisorHz })]
    [InlineData(SupervisionMode.Barge, new[] { AgentHz, SupervisorHz }, new[] { CallerHz, SupervisorHz })]
    public async Task The_supervisor_is_rung_joins_when_answering_and_each_party_hears_what_the_mode_allows(
        SupervisionMode mode, double[] callerHears, double[] agentHears)
    {
        var caller = _box.ConnectedCaller();

        var info = await _box.Start(mode);

        Assert.Equal(SupervisionState.Active, info.State);
        Assert.Equal(("2001", "1001", mode), (info.Supervisor, info.Agent, info.Mode));
        Assert.Equal(ChannelState.Up, _box.Supervisor.State);
        Assert.Equal(AgentStatus.OnCall, _box.Calls.Roster.StatusOf("2001"));
        var (toCaller, toAgent, toSupervisor) = _box.Listen(caller, TimeSpan.FromSeconds(1));
        AssertHearsOnly("the caller", toCaller, callerHears);
        AssertHearsOnly("the agent", toAgent, agentHears);
        AssertHearsOnly("the supervisor", toSupervisor, CallerHz, AgentHz);

        await _box.Settle(_box.Service.StopAsync(info.Id));
        Assert.Equal(HangupCause.Local, _box.Supervisor.HungUpByBox);
        Assert.Equal(AgentStatus.Available, _box.Calls.Roster.StatusOf("2001"));
        var (afterCaller, afterAgent, _) = _box.Listen(caller, TimeSpan.FromSeconds(1));
        AssertHearsOnly("the caller after the supervisor left", afterCaller, AgentHz);
        AssertHearsOnly("the agent after the supervisor left", afterAgent, CallerHz);
    }

    [Fact]
    public async Task Listen_then_whisper_then_stop_is_logged_in_the_call_and_the_caller_never_hears_the_supervisor_nor_does_the_recording()
    {
        var caller = _box.ConnectedCaller();
        var heardFrom = caller.Heard.Count;
        var info = await _box.Start(SupervisionMode.Listen);
        _box.Calls.Run(TimeSpan.FromSeconds(2));
        var whisper = await _box.Settle(_box.Service.ChangeModeAsync(info.Id, SupervisionMode.Whisper));
        var (_, toAgent, _) = _box.Listen(caller, TimeSpan.FromSeconds(1));
        await _box.Settle(_box.Service.StopAsync(info.Id));
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = _box.Calls.WaitForFinished().Detail;
        Assert.Equal(SupervisionMode.Whisper, whisper.Mode);
        AssertHearsOnly("the agent in whisper", toAgent, CallerHz, SupervisorHz);
        Assert.True(ToneAnalysis.PowerDbm0([.. caller.Heard.Skip(heardFrom)], SupervisorHz) < -50, "the caller heard the supervisor");

        // The recording holds the caller's voice left and the agent's right, as ever: no supervisor in either channel.
        var samples = WavReader.Read(detail.Recording!.Path).Samples;
        var left = samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.True(ToneAnalysis.PowerDbm0(left, SupervisorHz) < -50);
        Assert.True(ToneAnalysis.PowerDbm0(right, SupervisorHz) < -50);

        var kinds = _box.Calls.Journal.KindsFor(detail.CallId);
        Assert.Equal(
            [CallEventKinds.Connect, CallEventKinds.RecordingStart, CallEventKinds.SuperviseStart, CallEventKinds.SuperviseMode,
             CallEventKinds.SuperviseEnd, CallEventKinds.CompleteCaller, CallEventKinds.RecordingEnd, CallEventKinds.CallEnd],
            kinds.SkipWhile(k => k != CallEventKinds.Connect));
        var events = _box.Calls.Journal.Events.Where(e => e.CallId == detail.CallId).ToList();
        var start = events.Single(e => e.Kind == CallEventKinds.SuperviseStart);
        Assert.Equal("1001", start.Agent);
        Assert.Contains("\"supervisor\":\"2001\"", start.Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"listen\"", start.Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"whisper\"", events.Single(e => e.Kind == CallEventKinds.SuperviseMode).Data, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"stopped\"", events.Single(e => e.Kind == CallEventKinds.SuperviseEnd).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supervisor_hanging_up_leaves_caller_and_agent_talking()
    {
        var caller = _box.ConnectedCaller();
        var info = await _box.Start(SupervisionMode.Barge);
        _box.Calls.Clock.Post(_box.Supervisor.FarEndHangsUp);
        _box.Calls.Run(TimeSpan.FromMilliseconds(100));

        var (toCaller, toAgent, _) = _box.Listen(caller, TimeSpan.FromSeconds(1));
        AssertHearsOnly("the caller", toCaller, AgentHz);
        AssertHearsOnly("the agent", toAgent, CallerHz);
        Assert.Empty(await _box.Settle(_box.Service.ListAsync()));
        var end = _box.Calls.Journal.Events.Single(e => e.Kind == CallEventKinds.SuperviseEnd);
        Assert.Contains("\"reason\":\"supervisor-hung-up\"", end.Data, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<SupervisionRefusedException>(() => _box.Settle(_box.Service.StopAsync(info.Id)));
        Assert.Equal(SupervisionRefusal.UnknownSupervision, refused.Reason);
    }

    [Fact]
    public async Task The_call_ending_ends_the_supervision_and_hangs_up_the_supervisor()
    {
        var caller = _box.ConnectedCaller();
        await _box.Start(SupervisionMode.Listen);
        caller.CallerHangsUp();
        _box.Calls.WaitForFinished();

        Assert.Equal(ChannelState.Down, _box.Supervisor.State);
        Assert.Equal(AgentStatus.Available, _box.Calls.Roster.StatusOf("2001"));
        Assert.Contains("\"reason\":\"call-ended\"", _box.Calls.Journal.Events.Single(e => e.Kind == CallEventKinds.SuperviseEnd).Data, StringComparison.Ordinal);
    }
}
