using System.Text.Json.Nodes;
using Appliance.IntegrationTests.Sync;
using Appliance.Storage;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Callbacks;

/// <summary>
/// A caller on an analog line asks for a callback while nobody is free, hangs up, and is called back through the real
/// process: when the agent logs in, the agent is rung first, then the box dials the caller's number out on an analog
/// line of the simulated exchange (DTMF dialling, ringback, answer by polarity reversal) and bridges the two.
/// </summary>
public sealed class AnalogCallbackEndToEndTests : IAsyncLifetime
{
    private const string Customer = "13900139001";
    private const double CustomerHz = 1800;
    private const double AgentHz = 1400; // the demo agent 1001's simulated phone

    private readonly string _data = Path.Combine(Path.GetTempPath(), "appliance-callback-it-" + Guid.NewGuid().ToString("N"));
    private ApplianceProcess _appliance = null!;

    public async Task InitializeAsync() => _appliance = await ApplianceProcess.StartAsync(
        _data,
        "--set", $"Board:Simulated:Callees:0:Number={Customer}",
        "--set", "Board:Simulated:Callees:0:AnswerAfterRings=1",
        "--set", $"Board:Simulated:Callees:0:ToneHz={CustomerHz}",
        "--set", "Board:Simulated:Callees:0:HangUpAfterSeconds=4");

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_caller_who_asks_for_a_callback_is_dialled_back_on_an_analog_line_and_bridged_to_the_agent()
    {
        await ImportCallbackQueueAsync();
        await VerbAsync("agent", "logout", "--agent", "1001");

        // Menu key 1, five seconds in the queue, the callback key, then 1 to confirm the caller ID read back.
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", _data, "--line", "1", "--from", Customer, "--digits", "1,,,,,1,,1", "--timeout", "60");
        Assert.True(exitCode == 0, stdout + stderr + _appliance.Output);
        var origin = SimCallResultJson.Parse(stdout);
        Assert.Equal("callback-requested", origin.Outcome);

        await VerbAsync("agent", "login", "--agent", "1001");
        using var database = new ApplianceDatabase(Path.Combine(_data, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        var calls = new CallRecordRepository(database);
        CallRecord? callback = null;
        await SyncWaits.UntilAsync(
            () => Task.FromResult((callback = CallbackOf(calls, origin.CallId)) is { Outcome: "callback-connected" }),
            TimeSpan.FromSeconds(60),
            () => $"callback {callback?.Id} ended {callback?.Outcome}\n{_appliance.Output}");

        Assert.Equal(1, callback!.CallbackAttempts);
        Assert.Equal("1001", callback.Agent);
        var events = new EventLogRepository(database).ReadByCall(callback.Id).Select(e => e.Kind).ToList();
        Assert.Equal(["CALLBACK_ATTEMPT", "CALLBACK_CONNECTED", "CONNECT"], events.Where(k => k is "CALLBACK_ATTEMPT" or "CALLBACK_CONNECTED" or "CONNECT"));

        // The recording proves the bridge carried audio both ways over the analog line: customer left, agent right.
        var recording = WavReader.Read(new RecordingRepository(database).ListByCall(callback.Id).Single().Path);
        Assert.InRange(ToneAnalysis.DominantFrequency(recording.Channel(0), 300, 3000, 10), CustomerHz - 10, CustomerHz + 10);
        Assert.InRange(ToneAnalysis.DominantFrequency(recording.Channel(1), 300, 3000, 10), AgentHz - 10, AgentHz + 10);
        Assert.Equal("callback-requested", calls.Get(origin.CallId)!.Outcome);
    }

    private static CallRecord? CallbackOf(CallRecordRepository calls, string origin) =>
        calls.List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))
            .FirstOrDefault(c => c.Id != origin && c.Outcome.StartsWith("callback-", StringComparison.Ordinal));

    // The demo queue with only agent 1001 and a callback offer that dials the customer out on any free analog line.
    private async Task ImportCallbackQueueAsync()
    {
        var document = JsonNode.Parse(await VerbAsync("config", "export"))!;
        var queue = document["queues"]![0]!;
        queue["members"] = new JsonArray(JsonNode.Parse("""{ "agent": "1001", "penalty": 0 }"""));
        queue["callback"] = JsonNode.Parse("""{ "key": "1", "attempts": 3, "retryAfterSeconds": [60, 300], "dialString": "line:{number}" }""");
        var path = Path.Combine(_data, "callback-queue.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        await VerbAsync("config", "import", path);
    }

    private async Task<string> VerbAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync([.. arguments, "--data", _data]);
        Assert.True(exitCode == 0, $"{string.Join(' ', arguments)} exited {exitCode}: {stdout}{stderr}");
        return stdout;
    }
}
