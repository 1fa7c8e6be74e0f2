namespace Appliance.Core.Journal;

/// <summary>The call detail record written once the call ends.</summary>
/// <param name="SupervisionRecordings">What each party heard while a supervisor was on the call: one recording per supervision.</param>
public sealed record CallDetail(
    string CallId,
    int? Line,
    string ChannelKind,
    string? CallerNumber,
    string? CallerName,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    string? EntryMenu,
    string? Queue,
    string? Agent,
    string Outcome,
    TimeSpan Wait,
    TimeSpan Talk,
    string HangupCause,
    RecordingInfo? Recording,
    IReadOnlyList<RecordingInfo>? SupervisionRecordings = null)
{
    /// <summary>How many times the box dialled back (a callback's own record); 0 for an ordinary call.</summary>
    public int CallbackAttempts { get; init; }

    /// <summary>The caller's post-call survey score (1–5); null when none was given.</summary>
    public int? SurveyScore { get; init; }
}
