using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi.Internal;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Reporting.Kpi;

/// <summary>
/// KPI reports: brings the summaries up to date with the event log, sums them per interval and split, and turns the sums
/// into DOMAIN.md's figures with the thresholds of the given <see cref="ReportServiceOptions"/>. Agent login time and occupancy
/// appear on rows split by agent only (a quarter-hour resolution, from the agents' state spans).
/// </summary>
public sealed class KpiReporter(
    KpiSummarizer summarizer, KpiSummaryRepository summaries, TimeProvider timeProvider, ILogger<KpiReporter> logger)
{
    /// <summary>Builds the report, oldest interval first, then by queue and agent.</summary>
    public IReadOnlyList<KpiFigures> Report(KpiReportQuery query, ReportServiceOptions settings)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(settings);
        summarizer.CatchUp();
        summaries.UseThresholds(settings.ServiceLevelThresholdSeconds * 1000L, settings.ShortAbandonThresholdSeconds * 1000L);
        var sumQuery = new KpiSumQuery(query.From, query.To, KpiIntervals.Anchor, query.Interval, query.ByQueue, query.ByAgent,
            query.Queues, query.Agents, settings.ServiceLevelThresholdSeconds * 1000L, settings.ShortAbandonThresholdSeconds * 1000L);
        var rows = new SortedDictionary<(DateTimeOffset, string, string), KpiRowBuilder>();
        KpiRowBuilder Row(DateTimeOffset start, string queue, string agent)
        {
            if (!rows.TryGetValue((start, queue, agent), out var row))
            {
                row = new KpiRowBuilder(start, queue, agent);
                rows[(start, queue, agent)] = row;
            }

            return row;
        }

        foreach (var sums in summaries.Sum(sumQuery))
        {
            Row(sums.IntervalStart, sums.Queue, sums.Agent).Calls = sums;
        }

        foreach (var tickets in summaries.Tickets(sumQuery, TimeSpan.FromMinutes(settings.FirstContactWindowMinutes)))
        {
            Row(tickets.IntervalStart, tickets.Queue, tickets.Agent).Tickets = tickets;
        }

        if (query.ByAgent && !query.ByQueue)
        {
            foreach (var time in AgentTime(query))
            {
                Row(KpiIntervals.Start(time.QuarterAt, query.Interval), string.Empty, time.Agent).Add(time);
            }
        }

        var figures = rows.Values.Select(row => row.Build(settings, query.Interval)).ToList();
        KpiLog.Reported(logger, query.From, query.To, query.Interval, figures.Count);
        return figures;
    }

    private IEnumerable<KpiAgentTime> AgentTime(KpiReportQuery query)
    {
        foreach (var time in summaries.AgentTime(query.From, query.To, query.Agents))
        {
            yield return time;
        }

        // Each agent's current state is still open: it counts up to now (or the end of the range).
        var now = timeProvider.GetUtcNow();
        var end = query.To < now ? query.To : now;
        foreach (var state in summaries.AgentStates())
        {
            if (state.Status == "loggedout" || (query.Agents.Count > 0 && !query.Agents.Contains(state.Agent)))
            {
                continue;
            }

            for (var cursor = state.Since < query.From ? query.From : state.Since; cursor < end;)
            {
                var quarter = KpiIntervals.Start(cursor, TimeSpan.FromMinutes(15));
                var stop = quarter.AddMinutes(15) < end ? quarter.AddMinutes(15) : end;
                var ms = (long)(stop - cursor).TotalMilliseconds;
                yield return new KpiAgentTime(quarter, state.Agent, ms, state.Status is "oncall" or "wrapup" ? ms : 0,
                    state.Status == "available" ? ms : 0);
                cursor = stop;
            }
        }
    }
}
