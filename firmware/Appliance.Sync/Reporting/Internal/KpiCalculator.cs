using System.Text.Json;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.Sync.Reporting.Internal;

/// <summary>
/// Computes DOMAIN.md's KPIs from the event log. Calls count in the interval in which they entered the queue; rows are
/// split by queue and/or agent when the request names queues and/or agents. Wrap-up (ACW) is the time an agent spent in
/// the "wrapup" state, credited to the call that agent completed last. The box has no hold button, so AHT = (talk + ACW)
/// / handled. Agent login time and occupancy come from AGENT_STATE spans and appear on agent-only rows.
/// </summary>
internal sealed class KpiCalculator(ReportServiceOptions options)
{
    // Weeks start on Monday; 1970-01-05 was one, and it is also a midnight and a quarter-hour boundary.
    private static readonly DateTimeOffset Anchor = new(1970, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static TimeSpan Length(KpiInterval interval) => interval switch
    {
        KpiInterval.QuarterHour => TimeSpan.FromMinutes(15),
        KpiInterval.Hour => TimeSpan.FromHours(1),
        KpiInterval.Day => TimeSpan.FromDays(1),
        KpiInterval.Week => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be set"),
    };

    public List<KpiRow> Compute(
        IReadOnlyList<CallEventRecord> events, DateTimeOffset from, DateTimeOffset to, TimeSpan interval,
        IReadOnlySet<string> queues, IReadOnlySet<string> agents)
    {
        var byQueue = queues.Count > 0;
        var byAgent = agents.Count > 0;
        var calls = Gather(events);
        var rows = new SortedDictionary<(DateTimeOffset Start, string Queue, string Agent), KpiTotals>();
        var threshold = options.ServiceLevelThresholdSeconds;
        foreach (var call in calls.Values)
        {
            if (call.EnteredAt is not { } entered || entered < from || entered >= to
                || (byQueue && !queues.Contains(call.Queue)) || (byAgent && !agents.Contains(call.Agent)))
            {
                continue;
            }

            var totals = Row(rows, Bucket(entered, interval), byQueue ? call.Queue : string.Empty, byAgent ? call.Agent : string.Empty);
            totals.Offered++;
            if (call.Answered)
            {
                totals.Answered++;
                totals.HoldSeconds += call.HoldSeconds;
                totals.AnsweredWithinThreshold += call.HoldSeconds <= threshold ? 1 : 0;
            }

            if (call.Abandoned)
            {
                totals.Abandoned++;
                totals.AbandonWaitSeconds += call.AbandonWaitSeconds;
                totals.ShortAbandoned += call.AbandonWaitSeconds < options.ShortAbandonThresholdSeconds ? 1 : 0;
                totals.AbandonedAfterThreshold += call.AbandonWaitSeconds > threshold ? 1 : 0;
            }

            if (call.Handled)
            {
                totals.Handled++;
                totals.TalkSeconds += call.TalkSeconds;
                totals.WrapUpSeconds += call.WrapUpSeconds;
            }
        }

        if (byAgent && !byQueue)
        {
            AddAgentTime(events, from, to, interval, agents, rows);
        }

        return rows.Select(pair => ToRow(pair.Key.Start, pair.Key.Queue, pair.Key.Agent, pair.Value)).ToList();
    }

    private static Dictionary<string, CallFacts> Gather(IReadOnlyList<CallEventRecord> events)
    {
        var calls = new Dictionary<string, CallFacts>(StringComparer.Ordinal);
        var lastCompleted = new Dictionary<string, CallFacts>(StringComparer.Ordinal);
        var wrapStarted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Kind == "AGENT_STATE" && e.Agent is { } agent)
            {
                if (wrapStarted.Remove(agent, out var started) && lastCompleted.TryGetValue(agent, out var wrapped))
                {
                    wrapped.WrapUpSeconds += (e.At - started).TotalSeconds;
                }

                if (Status(e) == "wrapup")
                {
                    wrapStarted[agent] = e.At;
                }

                continue;
            }

            if (e.CallId is null)
            {
                continue;
            }

            if (!calls.TryGetValue(e.CallId, out var call))
            {
                call = new CallFacts();
                calls[e.CallId] = call;
            }

            switch (e.Kind)
            {
                case "ENTERQUEUE":
                    call.EnteredAt ??= e.At;
                    call.Queue = e.Queue ?? string.Empty;
                    break;
                case "CONNECT":
                    call.Answered = true;
                    call.Agent = e.Agent ?? string.Empty;
                    call.HoldSeconds = Number(e, "holdtime");
                    break;
                case "COMPLETECALLER" or "COMPLETEAGENT":
                    call.Handled = true;
                    call.Agent = e.Agent ?? call.Agent;
                    call.TalkSeconds = Number(e, "talktime");
                    lastCompleted[call.Agent] = call;
                    break;
                case "ABANDON":
                    call.Abandoned = true;
                    call.AbandonWaitSeconds = Number(e, "waittime");
                    break;
            }
        }

        return calls;
    }

    private static void AddAgentTime(
        IReadOnlyList<CallEventRecord> events, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, IReadOnlySet<string> agents,
        SortedDictionary<(DateTimeOffset, string, string), KpiTotals> rows)
    {
        foreach (var group in events.Where(e => e.Kind == "AGENT_STATE" && e.Agent is not null && agents.Contains(e.Agent)).GroupBy(e => e.Agent!))
        {
            var states = group.OrderBy(e => e.Seq).ToList();
            for (var i = 0; i < states.Count; i++)
            {
                var start = states[i].At < from ? from : states[i].At;
                var end = i + 1 < states.Count ? states[i + 1].At : to;
                end = end > to ? to : end;
                var status = Status(states[i]);
                for (var cursor = start; cursor < end;)
                {
                    var bucket = Bucket(cursor, interval);
                    var stop = bucket + interval < end ? bucket + interval : end;
                    var seconds = (stop - cursor).TotalSeconds;
                    var totals = Row(rows, bucket, string.Empty, group.Key);
                    totals.LoggedInSeconds += status == "loggedout" ? 0 : seconds;
                    totals.BusySeconds += status is "oncall" or "wrapup" ? seconds : 0;
                    totals.AvailableSeconds += status == "available" ? seconds : 0;
                    cursor = stop;
                }
            }
        }
    }

    private KpiRow ToRow(DateTimeOffset start, string queue, string agent, KpiTotals t)
    {
        var shortExcluded = options.ShortAbandonThresholdSeconds > 0 ? t.ShortAbandoned : 0;
        var serviceDenominator = options.ServiceLevelFormula switch
        {
            ServiceLevelFormula.AnsweredOnly => t.Answered,
            ServiceLevelFormula.AbandonsAgainst => t.Answered + t.Abandoned,
            _ => t.Answered + t.AbandonedAfterThreshold,
        };
        return new KpiRow
        {
            IntervalStart = Timestamp.FromDateTimeOffset(start),
            QueueId = queue,
            AgentId = agent,
            Offered = t.Offered,
            Answered = t.Answered,
            Abandoned = t.Abandoned,
            AnsweredWithinThreshold = t.AnsweredWithinThreshold,
            ServiceLevel = Ratio(t.AnsweredWithinThreshold, serviceDenominator),
            AbandonRate = Ratio(t.Abandoned - shortExcluded, t.Offered - shortExcluded),
            AverageSpeedOfAnswer = Seconds(Ratio(t.HoldSeconds, t.Answered)),
            AverageWait = Seconds(Ratio(t.HoldSeconds + t.AbandonWaitSeconds, t.Answered + t.Abandoned)),
            AverageHandlingTime = Seconds(Ratio(t.TalkSeconds + t.WrapUpSeconds, t.Handled)),
            AfterCallWork = Seconds(Ratio(t.WrapUpSeconds, t.Handled)),
            LoginTime = Seconds(t.LoggedInSeconds),
            Occupancy = Ratio(t.BusySeconds, t.BusySeconds + t.AvailableSeconds),
        };
    }

    private static KpiTotals Row(SortedDictionary<(DateTimeOffset, string, string), KpiTotals> rows, DateTimeOffset start, string queue, string agent)
    {
        if (!rows.TryGetValue((start, queue, agent), out var totals))
        {
            totals = new KpiTotals();
            rows[(start, queue, agent)] = totals;
        }

        return totals;
    }

    private static DateTimeOffset Bucket(DateTimeOffset at, TimeSpan interval) =>
        Anchor + TimeSpan.FromTicks((long)Math.Floor((double)(at - Anchor).Ticks / interval.Ticks) * interval.Ticks);

    private static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;

    private static Duration Seconds(double seconds) => Duration.FromTimeSpan(TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)));

    private static string? Status(CallEventRecord e) => Text(e, "status")?.ToLowerInvariant();

    private static double Number(CallEventRecord e, string name)
    {
        if (e.Data is null)
        {
            return 0;
        }

        using var document = JsonDocument.Parse(e.Data);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
    }

    private static string? Text(CallEventRecord e, string name)
    {
        if (e.Data is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(e.Data);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
