namespace Appliance.Sync.Reporting.Kpi;

/// <summary>One row of a KPI report: DOMAIN.md's figures for one interval (and queue and/or agent when split). Ratios are 0-1.</summary>
public sealed record KpiFigures(DateTimeOffset IntervalStart, string Queue, string Agent)
{
    public long Offered { get; init; }

    public long Answered { get; init; }

    public long Abandoned { get; init; }

    /// <summary>Abandons shorter than the short-abandon threshold.</summary>
    public long ShortAbandoned { get; init; }

    public long AnsweredWithinThreshold { get; init; }

    /// <summary>The service level by the configured formula.</summary>
    public double ServiceLevel { get; init; }

    /// <summary>A≤T / (A + Ab): every abandon counts against.</summary>
    public double ServiceLevelWithShortAbandons { get; init; }

    /// <summary>A≤T / (A + Ab − short abandons): abandons under the short-abandon threshold left out.</summary>
    public double ServiceLevelWithoutShortAbandons { get; init; }

    /// <summary>(Ab − short) / (offered − short).</summary>
    public double AbandonRate { get; init; }

    public TimeSpan AverageSpeedOfAnswer { get; init; }

    public TimeSpan AverageWait { get; init; }

    public long Handled { get; init; }

    public TimeSpan AverageTalkTime { get; init; }

    public TimeSpan AverageHoldTime { get; init; }

    /// <summary>(talk + hold + wrap-up) / handled.</summary>
    public TimeSpan AverageHandlingTime { get; init; }

    /// <summary>Wrap-up / handled.</summary>
    public TimeSpan AfterCallWork { get; init; }

    public long Transferred { get; init; }

    public TimeSpan LoginTime { get; init; }

    /// <summary>(on call + wrap-up) / (on call + wrap-up + available); breaks excluded.</summary>
    public double Occupancy { get; init; }

    public long CallbacksRequested { get; init; }

    public long CallbacksMade { get; init; }

    public long CallbacksKept { get; init; }

    public long SurveyResponses { get; init; }

    /// <summary>Mean survey score (1-5); 0 without responses.</summary>
    public double SurveyAverage { get; init; }

    public long TicketsOpened { get; init; }

    /// <summary>Tickets resolved on first contact / tickets opened from calls.</summary>
    public double FirstContactResolution { get; init; }

    /// <summary>Offered calls × AHT / interval length.</summary>
    public double OfferedLoadErlangs { get; init; }

    /// <summary>Erlang C: agents needed to meet the staffing service-level target with this interval's load and AHT.</summary>
    public int AgentsNeeded { get; init; }
}
