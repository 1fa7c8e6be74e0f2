using Appliance.Storage;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests;

/// <summary>
/// Calls placed on the running appliance's simulated exchange with `appliance sim call`, checked the way a tester
/// would: the JSON it prints, the stored call record and event log, and the recording's audio.
/// </summary>
public sealed class EndToEndCallTests(ApplianceFixture fixture) : IClassFixture<ApplianceFixture>
{
    private static readonly Dictionary<string, double> AgentToneHz = new() { ["1001"] = 1400, ["1002"] = 1600 };

    [Fact]
    public async Task A_caller_who_presses_1_reaches_an_agent_and_both_sides_are_recorded()
    {
        var result = await fixture.SimCallAsync("--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "3");

        Assert.Equal("answered-by-agent", result.Outcome);
        Assert.Equal("13800138000", result.CallerNumber);
        Assert.Equal("general", result.Queue);
        Assert.Contains(result.Agent!, AgentToneHz.Keys);
        Assert.InRange(result.TalkSeconds, 2.5, 4);
        Assert.InRange(result.WaitSeconds, 5, 9);

        var recording = WavReader.Read(result.RecordingPath!);
        Assert.Equal(2, recording.Channels);
        Assert.Equal(8000, recording.SampleRate);
        var (left, right) = Split(recording.Samples);
        Assert.InRange(ToneAnalysis.DominantFrequency(left, 300, 3000, 10), 590, 610);
        var agentTone = AgentToneHz[result.Agent!];
        Assert.InRange(ToneAnalysis.DominantFrequency(right, 300, 3000, 10), agentTone - 10, agentTone + 10);

        using var database = OpenDatabase();
        var record = new CallRecordRepository(database).Get(result.CallId);
        Assert.NotNull(record);
        Assert.Equal("answered-by-agent", record.Outcome);
        Assert.Equal(1, record.Line);
        Assert.Equal("13800138000", record.CallerNumber);
        Assert.Equal(result.Agent, record.Agent);
        Assert.NotNull(record.RecordingId);
        var kinds = new EventLogRepository(database).ReadByCall(result.CallId).Select(e => e.Kind).ToList();
        Assert.Equal(
            ["CALL_START", "ANSWER", "IVR_ENTER", "IVR_DIGIT", "ENTERQUEUE", "CONNECT", "RECORDING_START", "COMPLETECALLER", "RECORDING_END", "CALL_END"],
            kinds.Where(k => k != "RINGNOANSWER").ToList());
    }

    [Fact]
    public async Task A_caller_keeps_what_it_heard_when_asked_the_agent_s_voice_at_the_end()
    {
        var heardPath = Path.Combine(fixture.DataDirectory, "caller-heard.wav");

        var result = await fixture.SimCallAsync("--line", "4", "--from", "13800138000", "--digits", "1", "--talk", "3", "--heard", heardPath);

        Assert.Equal(("answered-by-agent", heardPath), (result.Outcome, result.HeardPath));
        var heard = WavReader.Read(heardPath);
        Assert.Equal((1, 8000), (heard.Channels, heard.SampleRate));
        Assert.Equal(result.HeardSeconds!.Value, heard.Duration.TotalSeconds, 3);
        Assert.True(heard.Duration.TotalSeconds > result.WaitSeconds + 2.5, $"{heard.Duration} of audio for a {result.WaitSeconds} s wait and 3 s of talk");
        var talk = heard.Samples[^16_000..];
        var agentTone = AgentToneHz[result.Agent!];
        Assert.InRange(ToneAnalysis.DominantFrequency(talk, 300, 3000, 10), agentTone - 10, agentTone + 10);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_in_the_menu_ends_there_and_is_recorded()
    {
        var result = await fixture.SimCallAsync("--line", "2", "--from", "02150001234", "--hangup-after", "2");

        Assert.Equal("ended-in-menu", result.Outcome);
        Assert.Equal("02150001234", result.CallerNumber);
        Assert.Null(result.Agent);
        using var database = OpenDatabase();
        var record = new CallRecordRepository(database).Get(result.CallId);
        Assert.Equal("ended-in-menu", record!.Outcome);
        Assert.Equal("remote", record.HangupCause);
        Assert.DoesNotContain(new EventLogRepository(database).ReadByCall(result.CallId), e => e.Kind == "ENTERQUEUE");
    }

    [Fact]
    public async Task A_caller_who_hangs_up_in_the_queue_is_an_abandon()
    {
        var result = await fixture.SimCallAsync("--line", "3", "--from", "075588881234", "--digits", "1", "--hangup-after", "3");

        Assert.Equal("abandoned", result.Outcome);
        Assert.Equal("general", result.Queue);
        Assert.Null(result.Agent);
        Assert.InRange(result.WaitSeconds, 1, 3.5);
        using var database = OpenDatabase();
        var events = new EventLogRepository(database).ReadByCall(result.CallId);
        Assert.Contains(events, e => e.Kind == "ABANDON" && e.Queue == "general");
        Assert.False(fixture.Appliance.HasExited);
    }

    [Fact]
    public async Task Status_reports_the_lines_and_agents_of_the_running_box()
    {
        var (exitCode, stdout, _) = await ApplianceProcess.RunVerbAsync("status", "--data", fixture.DataDirectory);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"lines\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"1001\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"general\"", stdout, StringComparison.Ordinal);
    }

    private ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(fixture.DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    private static (short[] Left, short[] Right) Split(short[] interleaved)
    {
        var left = new short[interleaved.Length / 2];
        var right = new short[interleaved.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = interleaved[2 * i];
            right[i] = interleaved[(2 * i) + 1];
        }

        return (left, right);
    }
}
