namespace Appliance.Storage;

/// <summary>
/// The call detail record, written once when the call ends. Instants are stored to the millisecond.
/// Names of the line, menu, queue and agent are copied, not referenced, so history outlives configuration changes.
/// </summary>
/// <param name="Id">The call id (unique).</param>
/// <param name="Line">The line port it came in on, or null for a SIP trunk call.</param>
/// <param name="ChannelKind">"analog", "sip"… the kind of channel.</param>
/// <param name="CallerNumber">Caller ID number as received, if any.</param>
/// <param name="CallerName">Caller ID name as received, if any.</param>
/// <param name="StartedAt">When the call arrived.</param>
/// <param name="AnsweredAt">When the box answered, if it did.</param>
/// <param name="EndedAt">When the call ended.</param>
/// <param name="EntryMenu">The menu the caller entered.</param>
/// <param name="Queue">The queue the caller reached, if any.</param>
/// <param name="Agent">The agent who answered, if any.</param>
/// <param name="Outcome">How it ended, e.g. "answered-by-agent", "abandoned".</param>
/// <param name="WaitMilliseconds">Time spent waiting in the queue.</param>
/// <param name="TalkMilliseconds">Time talking to the agent.</param>
/// <param name="HangupCause">Who or what ended the call.</param>
/// <param name="RecordingId">The recording of the agent call, if any.</param>
public sealed record CallRecord(
    string Id,
    int? Line,
    string ChannelKind,
    string? CallerNumber,
    string? CallerName,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? EntryMenu,
    string? Queue,
    string? Agent,
    string Outcome,
    long? WaitMilliseconds,
    long? TalkMilliseconds,
    string? HangupCause,
    string? RecordingId)
{
    /// <summary>How many times the box dialled back for this call (a callback's own record); 0 for an ordinary call.</summary>
    public int CallbackAttempts { get; init; }

    /// <summary>The caller's post-call survey score (1–5); null when none was given.</summary>
    public int? SurveyScore { get; init; }
}
