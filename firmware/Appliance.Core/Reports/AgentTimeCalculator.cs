using System.Text.Json;
using Appliance.Storage;

namespace Appliance.Core.Reports;

/// <summary>
/// Turns an agent's AGENT_STATE events into an <see cref="AgentTimeReport"/>. Each event starts a state at its
/// instant; the state a period begins in comes from the last event before it or, failing that, from the first event's
/// "previous" state and how long it had lasted ("seconds"), so the durations the events carry are what make a
/// period's first minutes countable. The last state runs to the end of the period.
/// </summary>
public static class AgentTimeCalculator
{
    /// <summary>Computes the report over [<paramref name="from"/>, <paramref name="to"/>) from <paramref name="events"/> in log order.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static AgentTimeReport Compute(string agentId, IReadOnlyList<CallEventRecord> events, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (to < from)
        {
            throw new ArgumentException("the period must not end before it starts", nameof(to));
        }

        var spans = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var states = events.Where(e => e.Kind == AgentStateRepository.StateEventKind && e.Data is not null).Select(Read).ToList();
        if (states.Count > 0 && states[0].At >= from && states[0].Previous is { } previous)
        {
            // No event before the period: the first event says what came before it and for how long.
            Add(spans, previous, states[0].At - states[0].PreviousLasted, states[0].At, from, to);
        }

        for (var i = 0; i < states.Count; i++)
        {
            var end = i + 1 < states.Count ? states[i + 1].At : to;
            Add(spans, states[i].Current, states[i].At, end, from, to);
        }

        TimeSpan Of(string key) => spans.GetValueOrDefault(key);
        var notReady = spans.Where(s => s.Key.StartsWith("notready:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["notready:".Length..], s => s.Value, StringComparer.Ordinal);
        var login = spans.Where(s => s.Key != "loggedout").Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Value);
        return new AgentTimeReport(agentId, from, to, login, Of("available"), Of("ringing"), Of("oncall"), Of("wrapup"), notReady);
    }

    private static void Add(Dictionary<string, TimeSpan> spans, string state, DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var clipped = (end < to ? end : to) - (start > from ? start : from);
        if (clipped > TimeSpan.Zero)
        {
            spans[state] = spans.GetValueOrDefault(state) + clipped;
        }
    }

    private static StateEvent Read(CallEventRecord e)
    {
        using var json = JsonDocument.Parse(e.Data!);
        var data = json.RootElement;
        string? Text(string name) => data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var seconds = data.TryGetProperty("seconds", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return new StateEvent(
            e.At,
            Key(Text("status") ?? "loggedout", Text("reason")),
            Text("previous") is { } previous ? Key(previous, Text("previousReason")) : null,
            TimeSpan.FromSeconds(seconds));
    }

    // Not-ready time is kept per reason: "notready:12".
    private static string Key(string status, string? reason) => status == "notready" ? $"notready:{reason ?? "none"}" : status;

    private readonly record struct StateEvent(DateTimeOffset At, string Current, string? Previous, TimeSpan PreviousLasted);
}
