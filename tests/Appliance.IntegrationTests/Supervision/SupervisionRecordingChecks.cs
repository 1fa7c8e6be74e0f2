using System.Globalization;
using System.Text.Json;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// Who heard what during a listen-then-whisper supervision of a simulated call (caller 600 Hz, agent 1400 Hz), read from
/// what the box stored: the recording of what each party heard (listed with the call's recordings, named by
/// SUPERVISE_END, split at the point SUPERVISE_MODE names), the call's own recording, and what the caller kept.
/// </summary>
internal static class SupervisionRecordingChecks
{
    private const double CallerHz = 600;
    private const double AgentHz = 1400;
    private const double Present = -30;
    private const double Absent = -50;

    // The caller talks 30 s to the agent before hanging up: its last 25 s of heard audio are all conversation.
    private const int ConversationSamples = 25 * 8000;

    public static void AssertWhoHeardWhat(ApplianceDatabase database, SimCallResultJson result, double supervisorHz)
    {
        var events = new EventLogRepository(database).ReadByCall(result.CallId).Where(e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal)).ToList();
        Assert.Equal(["SUPERVISE_START", "SUPERVISE_MODE", "SUPERVISE_END"], events.Select(e => e.Kind));
        var path = Data(events[2].Data, "recording");
        var whisperFrom = (int)Math.Round(double.Parse(Data(events[1].Data, "recordingAt"), CultureInfo.InvariantCulture) * 8000);

        var recordings = new RecordingRepository(database).ListByCall(result.CallId);
        Assert.Equal([(result.RecordingPath!, 2), (path, 3)], recordings.Select(r => (r.Path, r.Channels)));
        var heard = WavReader.Read(path);
        var (caller, agent, supervisor) = (heard.Channel(0), heard.Channel(1), heard.Channel(2));
        Assert.True(whisperFrom >= 8000 && caller.Length - whisperFrom >= 8000, $"listen {whisperFrom} samples, whisper {caller.Length - whisperFrom}: both should last a second or more");

        // Listen: nobody but the supervisor hears the supervisor.
        Level("listen: the agent's channel", agent[..whisperFrom], supervisorHz, below: Absent);
        Level("listen: the caller's channel", caller[..whisperFrom], supervisorHz, below: Absent);
        Level("listen: the agent's channel", agent[..whisperFrom], CallerHz, above: Present);

        // Whisper: the agent hears the supervisor, the caller still does not.
        Level("whisper: the agent's channel", agent[whisperFrom..], supervisorHz, above: Present);
        Level("whisper: the agent's channel", agent[whisperFrom..], CallerHz, above: Present);
        Level("whisper: the caller's channel", caller[whisperFrom..], supervisorHz, below: Absent);
        Level("the caller's channel", caller, AgentHz, above: Present);

        // The supervisor hears caller and agent throughout, never their own voice.
        Level("the supervisor's channel", supervisor, CallerHz, above: Present);
        Level("the supervisor's channel", supervisor, AgentHz, above: Present);
        Level("the supervisor's channel", supervisor, supervisorHz, below: Absent);

        // The call's recording is the microphones, caller left and agent right: no supervisor in either.
        var call = WavReader.Read(result.RecordingPath!);
        Level("the call recording's left", call.Channel(0), supervisorHz, below: Absent);
        Level("the call recording's right", call.Channel(1), supervisorHz, below: Absent);

        // What the simulated caller kept, through the analog line: the agent, never the supervisor.
        var kept = WavReader.Read(result.HeardPath!).Samples;
        Assert.True(kept.Length > ConversationSamples, $"the caller kept only {kept.Length} samples");
        Level("what the caller kept", kept[^ConversationSamples..], AgentHz, above: Present);
        Level("what the caller kept", kept[^ConversationSamples..], supervisorHz, below: -45);
    }

    private static void Level(string what, short[] samples, double hz, double below = double.PositiveInfinity, double above = double.NegativeInfinity)
    {
        var level = ToneAnalysis.PowerDbm0(samples, hz);
        Assert.True(level < below && level > above, $"{what}: {hz} Hz at {level:0.0} dBm0 over {samples.Length / 8000.0:0.00} s (wanted {(below < 0 ? $"below {below}" : $"above {above}")})");
    }

    private static string Data(string? json, string key)
    {
        using var document = JsonDocument.Parse(json ?? "{}");
        var value = document.RootElement.GetProperty(key);
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString(CultureInfo.InvariantCulture) : value.GetString()!;
    }
}
