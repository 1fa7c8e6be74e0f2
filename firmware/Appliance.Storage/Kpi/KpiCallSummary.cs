namespace Appliance.Storage.Kpi;

/// <summary>
/// What the event log says about one call, as far as KPIs need it (a row of <c>kpi_calls</c>). Mutable because the
/// summarizer folds events into it one at a time. Durations are milliseconds.
/// </summary>
public sealed class KpiCallSummary(string callId)
{
    /// <summary>The call id.</summary>
    public string CallId { get; } = callId;

    /// <summary>Where the call counts: when it first entered a queue, else its first event.</summary>
    public DateTimeOffset BucketAt { get; set; }

    /// <summary>The call entered a queue (it was offered).</summary>
    public bool Queued { get; set; }

    /// <summary>The first queue it entered; empty when none.</summary>
    public string Queue { get; set; } = string.Empty;

    /// <summary>The agent who completed it (after a transfer, the last agent); empty when none.</summary>
    public string Agent { get; set; } = string.Empty;

    public bool Answered { get; set; }

    /// <summary>Queue wait until the first answer.</summary>
    public long WaitMs { get; set; }

    public bool Abandoned { get; set; }

    public long AbandonWaitMs { get; set; }

    /// <summary>An agent completed it (COMPLETECALLER/COMPLETEAGENT).</summary>
    public bool Handled { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Talk time from the first connect to the end, hold excluded.</summary>
    public long TalkMs { get; set; }

    public long HoldMs { get; set; }

    /// <summary>The completing agent's wrap-up after the call.</summary>
    public long WrapMs { get; set; }

    public int Transfers { get; set; }

    public bool CallbackRequested { get; set; }

    public int CallbackAttempts { get; set; }

    public bool CallbackKept { get; set; }

    /// <summary>The post-call survey score (1-5), if the caller gave one.</summary>
    public int? SurveyScore { get; set; }
}
