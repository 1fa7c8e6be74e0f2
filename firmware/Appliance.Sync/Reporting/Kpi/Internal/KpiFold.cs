using System.Text.Json;
using Appliance.Storage;
using Appliance.Storage.Kpi;

namespace Appliance.Sync.Reporting.Kpi.Internal;

/// <summary>
/// Folds one run of events, in log order, into call summaries and agent time. Wrap-up is the agent's "wrapup" span,
/// credited to the call that agent completed last; talk excludes hold (the COMPLETE event's talktime includes it).
/// </summary>
internal sealed class KpiFold(KpiSummaryRepository summaries, IReadOnlyList<CallEventRecord> events)
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly Dictionary<string, KpiCallSummary> _calls = summaries.LoadCalls(
        events.Where(e => e.CallId is not null).Select(e => e.CallId!).ToHashSet(StringComparer.Ordinal));
    private readonly Dictionary<string, KpiAgentState> _states = summaries.AgentStates().ToDictionary(s => s.Agent, StringComparer.Ordinal);
    private readonly Dictionary<string, KpiCallSummary> _lastCompleted = new(StringComparer.Ordinal);
    private readonly Dictionary<(DateTimeOffset, string), long[]> _time = [];
    private readonly HashSet<string> _changedStates = new(StringComparer.Ordinal);

    public KpiSummaryBatch Run()
    {
        foreach (var e in events)
        {
            if (e.Kind == "AGENT_STATE")
            {
                AgentState(e);
            }
            else if (e.CallId is not null)
            {
                Call(e);
            }
        }

        return new KpiSummaryBatch(
            _calls.Values.ToList(),
            _time.Select(pair => new KpiAgentTime(pair.Key.Item1, pair.Key.Item2, pair.Value[0], pair.Value[1], pair.Value[2])).ToList(),
            _changedStates.Select(agent => _states[agent]).ToList(),
            events[^1].Seq);
    }

    private void Call(CallEventRecord e)
    {
        if (!_calls.TryGetValue(e.CallId!, out var call))
        {
            call = new KpiCallSummary(e.CallId!) { BucketAt = e.At };
            _calls[e.CallId!] = call;
        }

        if (call.Queue.Length == 0 && e.Queue is { } queue)
        {
            // A call never queued (a callback's own leg) counts under the queue its events name.
            call.Queue = queue;
        }

        switch (e.Kind)
        {
            case "ENTERQUEUE" when !call.Queued:
                // A transferred call re-entering a queue still counts once, in the queue and interval it first entered.
                (call.Queued, call.BucketAt, call.Queue) = (true, e.At, e.Queue ?? string.Empty);
                break;
            case "CONNECT":
                if (!call.Answered)
                {
                    (call.Answered, call.WaitMs) = (true, Milliseconds(e, "holdtime"));
                }

                call.Agent = e.Agent ?? call.Agent;
                break;
            case "BLINDTRANSFER":
                call.Transfers++;
                break;
            case "UNHOLD":
                call.HoldMs += Milliseconds(e, "holdtime");
                break;
            case "COMPLETECALLER" or "COMPLETEAGENT":
                (call.Handled, call.CompletedAt, call.Agent) = (true, e.At, e.Agent ?? call.Agent);
                call.TalkMs = Math.Max(0, Milliseconds(e, "talktime") - call.HoldMs);
                _lastCompleted[call.Agent] = call;
                break;
            case "ABANDON":
                (call.Abandoned, call.AbandonWaitMs) = (true, Milliseconds(e, "waittime"));
                break;
            case "CALLBACK_REQUESTED":
                call.CallbackRequested = true;
                break;
            case "CALLBACK_ATTEMPT":
                call.CallbackAttempts++;
                break;
            case "CALLBACK_CONNECTED":
                call.CallbackKept = true;
                break;
            case "SURVEY" when Number(e, "score") is { } score && score is >= 1 and <= 5 && score == Math.Floor(score):
                call.SurveyScore = (int)score;
                break;
        }
    }

    private void AgentState(CallEventRecord e)
    {
        if (e.Agent is not { } agent || Text(e, "status") is not { } status)
        {
            return;
        }

        if (_states.TryGetValue(agent, out var previous) && e.At > previous.Since)
        {
            AddSpan(agent, previous.Status, previous.Since, e.At);
            if (previous.Status == "wrapup" && WrappedCall(agent, previous.Since) is { } wrapped)
            {
                wrapped.WrapMs += (long)(e.At - previous.Since).TotalMilliseconds;
            }
        }

        _states[agent] = new KpiAgentState(agent, status.ToLowerInvariant(), e.At);
        _changedStates.Add(agent);
    }

    private KpiCallSummary? WrappedCall(string agent, DateTimeOffset wrapStarted)
    {
        if (_lastCompleted.TryGetValue(agent, out var call))
        {
            return call;
        }

        if (summaries.LastCompletedCall(agent, wrapStarted) is not { } id)
        {
            return null;
        }

        if (!_calls.TryGetValue(id, out call))
        {
            call = summaries.LoadCalls([id])[id];
            _calls[id] = call;
        }

        return call;
    }

    private void AddSpan(string agent, string status, DateTimeOffset from, DateTimeOffset to)
    {
        if (status == "loggedout")
        {
            return;
        }

        for (var cursor = from; cursor < to;)
        {
            var quarter = KpiIntervals.Start(cursor, Quarter);
            var stop = quarter + Quarter < to ? quarter + Quarter : to;
            var ms = (long)(stop - cursor).TotalMilliseconds;
            if (!_time.TryGetValue((quarter, agent), out var sums))
            {
                sums = new long[3];
                _time[(quarter, agent)] = sums;
            }

            sums[0] += ms;
            sums[1] += status is "oncall" or "wrapup" ? ms : 0;
            sums[2] += status == "available" ? ms : 0;
            cursor = stop;
        }
    }

    private static long Milliseconds(CallEventRecord e, string name) =>
        Number(e, name) is { } seconds && seconds > 0 ? (long)Math.Round(seconds * 1000) : 0;

    private static double? Number(CallEventRecord e, string name) =>
        Property(e, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static string? Text(CallEventRecord e, string name) =>
        Property(e, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? Property(CallEventRecord e, string name)
    {
        if (e.Data is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(e.Data);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
            ? value.Clone() : null;
    }
}
