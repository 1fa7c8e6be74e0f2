using System.Text.Json;

namespace Appliance.IntegrationTests;

/// <summary>The JSON object `appliance sim call` prints, as the tests read it.</summary>
internal sealed record SimCallResultJson(
    string CallId,
    int Line,
    string? CallerNumber,
    string Outcome,
    string? Queue,
    string? Agent,
    double WaitSeconds,
    double TalkSeconds,
    string? RecordingPath,
    string? Error,
    string? HeardPath = null,
    double? HeardSeconds = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SimCallResultJson Parse(string stdout) =>
        JsonSerializer.Deserialize<SimCallResultJson>(stdout.Trim(), Json)
        ?? throw new InvalidOperationException("sim call printed nothing: " + stdout);
}
