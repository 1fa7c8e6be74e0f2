using System.Text.Json;
using Appliance.IntegrationTests.Sip.Softphones;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// A real softphone as the supervisor: `appliance supervise` rings it (registered as 3001), it auto-answers and plays
/// its 2000 Hz tone; the box sends it media (RTCP reports arrive), the mode switches from listen to whisper, and the stop
/// hangs it up while the simulated caller (600 Hz) and agent (1400 Hz) talk on. Who heard what is read from the
/// recordings, by tone: the box's recording of what each party heard (listen: the agent never hears 2000 Hz; whisper: the
/// agent does and the caller does not), what the simulated caller kept (`sim call --heard`), and the call's own
/// recording (caller left, agent right), which never holds the supervisor.
/// </summary>
public sealed class SoftphoneSupervisorTests(SoftphoneSupervisorFixture fixture) : IClassFixture<SoftphoneSupervisorFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [SoftphoneFact("baresip")]
    public async Task Baresip_is_rung_as_supervisor_listens_whispers_and_the_recordings_show_who_heard_it()
    {
        await using var phone = await Baresip.StartAsync(fixture.Account);
        var heardPath = await SuperviseAsync(phone);

        // What baresip received (its sndfile module dumps the decoded audio): caller and agent, never its own voice.
        var received = Directory.GetFiles(phone.WorkDirectory, "*dec*.wav", SearchOption.AllDirectories);
        Assert.True(received.Length == 1, "baresip dumped no received audio: " + string.Join(", ", Directory.GetFiles(phone.WorkDirectory)));
        var heard = WavReader.Read(received[0]).Samples;
        Assert.True(heard.Length >= 8000, $"baresip received only {heard.Length} samples");
        Assert.True(ToneAnalysis.PowerDbm0(heard, 600) > -30, "the supervisor did not hear the caller");
        Assert.True(ToneAnalysis.PowerDbm0(heard, 1400) > -30, "the supervisor did not hear the agent");
        Assert.True(ToneAnalysis.PowerDbm0(heard, SoftphoneSupervisorFixture.SupervisorHz) < -45, "the supervisor heard itself");
        File.Delete(heardPath);
    }

    [SoftphoneFact("linphonec")]
    public async Task Linphonec_is_rung_as_supervisor_listens_whispers_and_the_recordings_show_who_heard_it()
    {
        await using var phone = await Linphonec.StartAsync(fixture.Account);
        File.Delete(await SuperviseAsync(phone));
    }

    // Listen for two RTCP reports, whisper for one more, stop; then check every recording. Returns the caller's heard file.
    private async Task<string> SuperviseAsync(Softphone phone)
    {
        Assert.True(await phone.WaitForRegistrationAsync(Limit), phone.Text);
        var heardPath = Path.Combine(Path.GetTempPath(), $"caller-heard-{Guid.NewGuid():N}.wav");
        var call = ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", fixture.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "30", "--heard", heardPath);

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
        Assert.False(call.IsCompleted, "the caller's call ended with the supervision\n" + fixture.Appliance.Output);

        var (callExit, callOutput, callError) = await call;
        Assert.True(callExit == 0, callOutput + callError);
        var result = SimCallResultJson.Parse(callOutput);
        Assert.Equal(heardPath, result.HeardPath);
        using var database = fixture.OpenDatabase();
        SupervisionRecordingChecks.AssertWhoHeardWhat(database, result, SoftphoneSupervisorFixture.SupervisorHz);
        return heardPath;
    }
}
