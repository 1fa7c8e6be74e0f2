namespace Appliance.Sync.Reporting.Kpi;

/// <summary>A KPI report's range, interval and split.</summary>
/// <param name="From">Start of the half-open range; calls count in the interval they first entered a queue.</param>
/// <param name="To">End of the range.</param>
/// <param name="Interval">15 minutes, an hour, a day or a week (see <see cref="KpiIntervals"/>).</param>
/// <param name="ByQueue">One row per queue per interval.</param>
/// <param name="ByAgent">One row per agent per interval: the agent who completed the call.</param>
/// <param name="Queues">Only these queues; empty means all.</param>
/// <param name="Agents">Only these agents; empty means all.</param>
public sealed record KpiReportQuery(
    DateTimeOffset From, DateTimeOffset To, TimeSpan Interval, bool ByQueue, bool ByAgent,
    IReadOnlyCollection<string> Queues, IReadOnlyCollection<string> Agents);
