namespace Appliance.Storage.Kpi;

/// <summary>Which calls to sum and how to group them.</summary>
/// <param name="From">Start of the half-open range on <see cref="KpiCallSummary.BucketAt"/>.</param>
/// <param name="To">End of the range.</param>
/// <param name="Anchor">An instant on an interval boundary; intervals are counted from it.</param>
/// <param name="Interval">The interval length (at least a second).</param>
/// <param name="ByQueue">One row per queue (else queue is empty).</param>
/// <param name="ByAgent">One row per agent (else agent is empty).</param>
/// <param name="Queues">Only these queues; empty means all.</param>
/// <param name="Agents">Only these agents; empty means all.</param>
/// <param name="ThresholdMs">T of the service level.</param>
/// <param name="ShortAbandonMs">Abandons shorter than this are short.</param>
public sealed record KpiSumQuery(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset Anchor, TimeSpan Interval, bool ByQueue, bool ByAgent,
    IReadOnlyCollection<string> Queues, IReadOnlyCollection<string> Agents, long ThresholdMs, long ShortAbandonMs);
