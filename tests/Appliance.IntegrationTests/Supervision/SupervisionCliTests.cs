using System.Text.Json;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// `appliance supervise` against the running appliance: a simulated caller talks to simulated agent 1001, supervisor 3001
/// is rung, listens, switches to whisper and stops; bad requests exit 4 with a message naming what is wrong; the call's
/// event log holds SUPERVISE_START, SUPERVISE_MODE and SUPERVISE_END, and its recording never the supervisor's voice.
/// </summary>
public sealed class SupervisionCliTests(SupervisionApplianceFixture fixture) : IClassFixture<SupervisionApplianceFixture>
{
    private const int Refused = 4;
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_supervisor_listens_then_whispers_then_stops_and_bad_requests_are_refused_with_exit_4()
    {
        var call = ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", fixture.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "25");

        await AssertRefusedAsync("is not a supervisor", "--supervisor", "1002", "--agent", "1001", "--mode", "listen");
        await AssertRefusedAsync("there is no agent '9999'", "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", "9999", "--mode", "listen");
        await AssertRefusedAsync("--mode 'shout'", "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", "1001", "--mode", "shout");
        await AssertRefusedAsync("cannot supervise their own call", "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", SupervisionApplianceFixture.SupervisorId, "--mode", "listen");

        // The caller goes through the menu and the ring first: until agent 1001 answers, it has no call to supervise.
        var started = await StartWhenTheAgentHasTheCallAsync(call);
        Assert.Equal("active", started.GetProperty("state").GetString());
        Assert.Equal("listen", started.GetProperty("mode").GetString());
        var id = started.GetProperty("id").GetString()!;
        await AssertRefusedAsync("already supervising", "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", "1001", "--mode", "barge");

        var whisper = await SucceedAsync("--id", id, "--mode", "whisper");
        Assert.Equal("whisper", whisper.GetProperty("mode").GetString());
        var stopped = await SucceedAsync("--id", id, "--stop");
        Assert.Equal("ended", stopped.GetProperty("state").GetString());
        await AssertRefusedAsync($"there is no supervision '{id}'", "--id", id, "--stop");
        await AssertRefusedAsync("has no call to supervise", "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", "1002", "--mode", "listen");

        var (callExit, callOutput, callError) = await call;
        Assert.True(callExit == 0, callOutput + callError);
        var result = SimCallResultJson.Parse(callOutput);
        Assert.Equal("1001", result.Agent);
        using var database = fixture.OpenDatabase();
        var events = new EventLogRepository(database).ReadByCall(result.CallId);
        Assert.Equal(["SUPERVISE_START", "SUPERVISE_MODE", "SUPERVISE_END"], events.Where(e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal)).Select(e => e.Kind));
        Assert.All(events.Where(e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal)), e => Assert.Equal("1001", e.Agent));
        Assert.Contains("\"supervisor\":\"3001\"", events.Single(e => e.Kind == "SUPERVISE_START").Data, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"stopped\"", events.Single(e => e.Kind == "SUPERVISE_END").Data, StringComparison.Ordinal);

        // Caller left, agent right, as ever: the supervisor's 2000 Hz is in neither channel.
        var samples = WavReader.Read(result.RecordingPath!).Samples;
        var left = samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.True(ToneAnalysis.PowerDbm0(left, SupervisionApplianceFixture.SupervisorHz) < -50);
        Assert.True(ToneAnalysis.PowerDbm0(right, SupervisionApplianceFixture.SupervisorHz) < -50);
        Assert.InRange(ToneAnalysis.DominantFrequency(right, 300, 3000, 10), 1390, 1410);
    }

    private async Task<JsonElement> StartWhenTheAgentHasTheCallAsync(Task call)
    {
        var deadline = DateTime.UtcNow + ConnectLimit;
        while (true)
        {
            var (exitCode, stdout, stderr) = await fixture.SuperviseAsync(
                "--supervisor", SupervisionApplianceFixture.SupervisorId, "--agent", "1001", "--mode", "listen");
            if (exitCode == 0)
            {
                return JsonDocument.Parse(stdout).RootElement.Clone();
            }

            // Each try is a whole CLI process against the box's own clock: no timer of ours decides the outcome.
            Assert.True(exitCode == Refused && stderr.Contains("has no call", StringComparison.Ordinal), $"supervise failed ({exitCode}): {stdout}{stderr}");
            Assert.False(call.IsCompleted, "the simulated call ended before agent 1001 took it:\n" + fixture.Appliance.Output);
            Assert.True(DateTime.UtcNow < deadline, "agent 1001 never took the call:\n" + fixture.Appliance.Output);
        }
    }

    private async Task<JsonElement> SucceedAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await fixture.SuperviseAsync(arguments);
        Assert.True(exitCode == 0, $"supervise {string.Join(' ', arguments)} failed ({exitCode}): {stdout}{stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private async Task AssertRefusedAsync(string message, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await fixture.SuperviseAsync(arguments);
        Assert.True(exitCode == Refused, $"supervise {string.Join(' ', arguments)} exited {exitCode}: {stdout}{stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
