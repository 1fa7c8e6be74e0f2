using System.Globalization;
using System.Text.Json;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Media;
using static Appliance.Core.Tests.Supervision.SupervisionHarness;

namespace Appliance.Core.Tests.Supervision;

/// <summary>
/// While a supervisor is on a call, the box records what each party heard, one channel each (caller, agent, supervisor),
/// and the tones prove who heard whom in each mode: caller 600 Hz, agent 1400 Hz, supervisor 2000 Hz.
/// </summary>
public sealed class SupervisionRecordingTests : IDisposable
{
    private const int FrameSamples = 160;
    private readonly SupervisionHarness _box = new();

    public void Dispose() => _box.Dispose();

    [Theory]
    [InlineData(SupervisionMode.Listen, new[] { AgentHz }, new[] { CallerHz })]
    [InlineData(SupervisionMode.Whisper, new[] { AgentHz }, new[] { CallerHz, SupervisorHz })]
    [InlineData(SupervisionMode.Barge, new[] { AgentHz, SupervisorHz }, new[] { CallerHz, SupervisorHz })]
    public async Task Each_channel_holds_what_its_party_heard_in_the_mode(SupervisionMode mode, double[] callerHeard, double[] agentHeard)
    {
        var caller = _box.ConnectedCaller();
        var info = await _box.Start(mode);
        _box.Calls.Run(TimeSpan.FromSeconds(2));
        await _box.Settle(_box.Service.StopAsync(info.Id));
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = _box.Calls.WaitForFinished().Detail;
        var recording = Assert.Single(detail.SupervisionRecordings!);
        Assert.Equal((3, 8000, detail.CallId), (recording.Channels, recording.SampleRate, recording.CallId));
        Assert.Equal(Path.GetDirectoryName(detail.Recording!.Path), Path.GetDirectoryName(recording.Path));
        Assert.Equal($"{detail.CallId}.{info.Id}", recording.Id);
        Assert.InRange(recording.Duration.TotalSeconds, 1.9, 2.1);
        var heard = Heard.Read(recording.Path);
        Assert.Equal(new FileInfo(recording.Path).Length, recording.Bytes);
        AssertHearsOnly("the caller's channel", heard.Caller, callerHeard);
        AssertHearsOnly("the agent's channel", heard.Agent, agentHeard);
        AssertHearsOnly("the supervisor's channel", heard.Supervisor, CallerHz, AgentHz);

        var events = _box.Calls.Journal.Events.Where(e => e.CallId == detail.CallId).ToList();
        Assert.Equal(recording.Path, Data(events.Single(e => e.Kind == CallEventKinds.SuperviseStart), "recording"));
        Assert.Equal(recording.Path, Data(events.Single(e => e.Kind == CallEventKinds.SuperviseEnd), "recording"));
    }

    [Fact]
    public async Task Mode_switches_mid_recording_change_what_each_channel_holds_from_the_point_the_event_names()
    {
        var caller = _box.ConnectedCaller();
        var info = await _box.Start(SupervisionMode.Listen);
        _box.Calls.Run(TimeSpan.FromSeconds(1.5));
        await _box.Settle(_box.Service.ChangeModeAsync(info.Id, SupervisionMode.Whisper));
        _box.Calls.Run(TimeSpan.FromSeconds(1.5));
        await _box.Settle(_box.Service.ChangeModeAsync(info.Id, SupervisionMode.Barge));
        _box.Calls.Run(TimeSpan.FromSeconds(1.5));
        await _box.Settle(_box.Service.ChangeModeAsync(info.Id, SupervisionMode.Listen));
        _box.Calls.Run(TimeSpan.FromSeconds(1.5));
        caller.CallerHangsUp();

        var detail = _box.Calls.WaitForFinished().Detail;
        var heard = Heard.Read(Assert.Single(detail.SupervisionRecordings!).Path);
        var switches = _box.Calls.Journal.Events.Where(e => e.CallId == detail.CallId && e.Kind == CallEventKinds.SuperviseMode)
            .Select(e => (int)Math.Round(double.Parse(Data(e, "recordingAt")!, CultureInfo.InvariantCulture) * 8000)).ToList();
        Assert.Equal(3, switches.Count);
        int[] bounds = [0, .. switches, heard.Caller.Length];
        (double[] Caller, double[] Agent)[] expected =
        [
            ([AgentHz], [CallerHz]),
            ([AgentHz], [CallerHz, SupervisorHz]),
            ([AgentHz, SupervisorHz], [CallerHz, SupervisorHz]),
            ([AgentHz], [CallerHz]),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            // Every segment but the first starts exactly at the switch: the frame right after it already has the new mode.
            var (from, to) = (bounds[i], bounds[i + 1]);
            Assert.InRange(to - from, 11_000, 13_000);
            AssertHearsOnly($"segment {i}: the caller's channel", heard.Caller[from..to], expected[i].Caller);
            AssertHearsOnly($"segment {i}: the agent's channel", heard.Agent[from..to], expected[i].Agent);
            AssertHearsOnly($"segment {i}: the supervisor's channel", heard.Supervisor[from..to], CallerHz, AgentHz);
        }

        // A frame before the whisper began holds no supervisor for the agent; the first frame after it does.
        Assert.True(ToneAnalysis.PowerDbm0(heard.Agent[(switches[0] - FrameSamples)..switches[0]], SupervisorHz) < -40);
        Assert.True(ToneAnalysis.PowerDbm0(heard.Agent[switches[0]..(switches[0] + FrameSamples)], SupervisorHz) > -20);
    }

    [Fact]
    public async Task Each_supervision_of_a_call_has_its_own_recording_and_the_call_lists_them_all()
    {
        var caller = _box.ConnectedCaller();
        var first = await _box.Start(SupervisionMode.Whisper);
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        await _box.Settle(_box.Service.StopAsync(first.Id));
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        var second = await _box.Start(SupervisionMode.Listen);
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = _box.Calls.WaitForFinished().Detail;
        Assert.Equal([$"{detail.CallId}.{first.Id}", $"{detail.CallId}.{second.Id}"], detail.SupervisionRecordings!.Select(r => r.Id));
        var end = _box.Calls.Journal.Events.Last(e => e.Kind == CallEventKinds.SuperviseEnd);
        Assert.Equal("call-ended", Data(end, "reason"));
        Assert.Equal(detail.SupervisionRecordings![1].Path, Data(end, "recording"));
        AssertHearsOnly("the agent in the listen-only second supervision", Heard.Read(detail.SupervisionRecordings[1].Path).Agent, CallerHz);
    }

    [Fact]
    public async Task A_recordings_folder_that_cannot_be_written_costs_the_recording_not_the_supervision()
    {
        var caller = _box.ConnectedCaller();

        // The supervision recording goes beside the call's: a folder where its file should go makes creating it fail.
        var callRecording = Data(_box.Calls.Journal.Events.Single(e => e.Kind == CallEventKinds.RecordingStart), "path")!;
        System.IO.Directory.CreateDirectory(Path.ChangeExtension(callRecording, ".sup-000001.wav"));

        var info = await _box.Start(SupervisionMode.Whisper);
        var (_, toAgent, _) = _box.Listen(caller, TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = _box.Calls.WaitForFinished().Detail;
        Assert.Equal(SupervisionState.Active, info.State);
        AssertHearsOnly("the agent", toAgent, CallerHz, SupervisorHz);
        Assert.Empty(detail.SupervisionRecordings!);
        Assert.Null(Data(_box.Calls.Journal.Events.Single(e => e.Kind == CallEventKinds.SuperviseEnd), "recording"));
    }

    private static string? Data(CallEvent e, string key)
    {
        using var json = JsonDocument.Parse(e.Data!);
        var value = json.RootElement.GetProperty(key);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => value.GetString(),
        };
    }

    private sealed record Heard(short[] Caller, short[] Agent, short[] Supervisor)
    {
        public static Heard Read(string path)
        {
            var wav = WavReader.Read(path);
            Assert.Equal(SupervisionRecorder.Channels, wav.Channels);
            return new Heard(wav.Channel(0), wav.Channel(1), wav.Channel(2));
        }
    }
}
