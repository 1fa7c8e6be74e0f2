using System.Text.Json;
using Appliance.IntegrationTests.Sip.Softphones;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// A real softphone as the supervisor: `appliance supervise` rings baresip (registered as 3001), which auto-answers and
/// plays its 2000 Hz tone; the box sends it media (RTCP reports arrive), the mode switches to whisper, and the stop hangs
/// baresip up while the simulated caller and agent talk on. The recording (caller left, agent right) never holds 2000 Hz.
/// Who hears what per mode is proven by tone in the Core and Telephony tests: neither the simulated caller nor baresip
/// here keeps the audio it receives.
/// </summary>
public sealed class SoftphoneSupervisorTests(SoftphoneSupervisorFixture fixture) : IClassFixture<SoftphoneSupervisorFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [SoftphoneFact("baresip")]
    public async Task Baresip_is_rung_as_supervisor_listens_whispers_and_is_hung_up_by_the_stop()
    {
        await using var phone = await Baresip.StartAsync(fixture.Account);
        Assert.True(await phone.WaitForRegistrationAsync(Limit), phone.Text);
        var call = ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", fixture.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "30");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        var mark = phone.Mark;
        string stdout;
        while (true)
        {
            (var exitCode, stdout, var stderr) = await fixture.SuperviseAsync("--supervisor", SoftphoneSupervisorFixture.SupervisorId, "--agent", "1001", "--mode", "listen");
            if (exitCode == 0)
            {
                break;
            }

            // Each try is a whole CLI process against the box's own clock: no timer of ours decides the outcome.
            Assert.True(exitCode == 4 && stderr.Contains("has no call", StringComparison.Ordinal), $"supervise failed ({exitCode}): {stdout}{stderr}\n{phone.Text}\n{fixture.Appliance.Output}");
            Assert.True(DateTime.UtcNow < deadline && !call.IsCompleted, "agent 1001 never took the call\n" + fixture.Appliance.Output);
        }

        using var started = JsonDocument.Parse(stdout);
        Assert.Equal("active", started.RootElement.GetProperty("state").GetString());
        var id = started.RootElement.GetProperty("id").GetString()!;
        var answered = await phone.WaitForCallAsync(Limit, mark);
        await phone.WaitForRtcpAsync(2, Limit, answered);

        var (whisperExit, whisperOut, whisperError) = await fixture.SuperviseAsync("--id", id, "--mode", "whisper");
        Assert.True(whisperExit == 0, whisperOut + whisperError);
        await phone.WaitForRtcpAsync(3, Limit, answered);
        var (stopExit, stopOut, stopError) = await fixture.SuperviseAsync("--id", id, "--stop");
        Assert.True(stopExit == 0, stopOut + stopError);
        await phone.WaitForCallEndAsync(Limit, answered);

        // What baresip received (its sndfile module dumps the decoded audio): caller and agent, never its own voice.
        var received = Directory.GetFiles(phone.WorkDirectory, "*dec*.wav", SearchOption.AllDirectories);
        Assert.True(received.Length == 1, "baresip dumped no received audio: " + string.Join(", ", Directory.GetFiles(phone.WorkDirectory)));
        var heard = WavReader.Read(received[0]).Samples;
        Assert.True(heard.Length >= 8000, $"baresip received only {heard.Length} samples");
        Assert.True(ToneAnalysis.PowerDbm0(heard, 600) > -30, "the supervisor did not hear the caller");
        Assert.True(ToneAnalysis.PowerDbm0(heard, 1400) > -30, "the supervisor did not hear the agent");
        Assert.True(ToneAnalysis.PowerDbm0(heard, SoftphoneSupervisorFixture.SupervisorHz) < -45, "the supervisor heard itself");
        Assert.False(call.IsCompleted, "the caller's call ended with the supervision\n" + fixture.Appliance.Output);

        var (callExit, callOutput, callError) = await call;
        Assert.True(callExit == 0, callOutput + callError);
        var result = SimCallResultJson.Parse(callOutput);
        using var database = fixture.OpenDatabase();
        var events = new EventLogRepository(database).ReadByCall(result.CallId);
        Assert.Equal(["SUPERVISE_START", "SUPERVISE_MODE", "SUPERVISE_END"], events.Where(e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal)).Select(e => e.Kind));
        var samples = WavReader.Read(result.RecordingPath!).Samples;
        Assert.True(ToneAnalysis.PowerDbm0(samples.Where((_, i) => i % 2 == 0).ToArray(), SoftphoneSupervisorFixture.SupervisorHz) < -50);
        Assert.True(ToneAnalysis.PowerDbm0(samples.Where((_, i) => i % 2 == 1).ToArray(), SoftphoneSupervisorFixture.SupervisorHz) < -50);
    }
}
