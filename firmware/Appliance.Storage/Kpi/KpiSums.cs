namespace Appliance.Storage.Kpi;

/// <summary>Counts and sums of one (interval, queue, agent) group of calls; durations in milliseconds.</summary>
public sealed record KpiSums(DateTimeOffset IntervalStart, string Queue, string Agent)
{
    public long Offered { get; init; }

    public long Answered { get; init; }

    public long AnsweredWithinThreshold { get; init; }

    public long Abandoned { get; init; }

    /// <summary>Abandons shorter than the short-abandon threshold.</summary>
    public long ShortAbandoned { get; init; }

    /// <summary>Abandons after more than T.</summary>
    public long AbandonedAfterThreshold { get; init; }

    public long AnsweredWaitMs { get; init; }

    public long AbandonWaitMs { get; init; }

    public long Handled { get; init; }

    public long TalkMs { get; init; }

    public long HoldMs { get; init; }

    public long WrapMs { get; init; }

    public long Transferred { get; init; }

    public long CallbacksRequested { get; init; }

    /// <summary>Callbacks dialled at least once.</summary>
    public long CallbacksMade { get; init; }

    /// <summary>Callbacks whose customer answered and was bridged.</summary>
    public long CallbacksKept { get; init; }

    public long SurveyResponses { get; init; }

    public long SurveyScoreTotal { get; init; }
}
