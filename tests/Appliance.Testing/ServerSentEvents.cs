using System.Text.Json;

namespace Appliance.Testing;

/// <summary>Reads a text/event-stream (the agent desk's offers) one event at a time, as a browser's EventSource would.</summary>
public static class ServerSentEvents
{
    /// <summary>
    /// The next event's name ("message" when it has none) and its JSON data; fails when no line comes within
    /// <paramref name="patience"/> or the stream ends first.
    /// </summary>
    public static async Task<(string Kind, JsonElement Data)> NextAsync(StreamReader events, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(events);
        string? kind = null;
        string? data = null;
        while (await events.ReadLineAsync().WaitAsync(patience) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                using var json = JsonDocument.Parse(data);
                return (kind ?? "message", json.RootElement.Clone());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("the stream ended");
    }
}
