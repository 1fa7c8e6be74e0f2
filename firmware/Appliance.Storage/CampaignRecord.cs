namespace Appliance.Storage;

/// <summary>An outbound campaign as stored.</summary>
/// <param name="Name">Its name (an identifier).</param>
/// <param name="Queue">The queue whose agents take its calls.</param>
/// <param name="Mode">"progressive" (dialled as agents come free) or "preview" (an agent accepts each contact first).</param>
/// <param name="HoursFrom">Calling hours start, minutes after midnight in the branch's time zone.</param>
/// <param name="HoursTo">Calling hours end (exclusive), minutes after midnight; before <paramref name="HoursFrom"/> spans midnight.</param>
/// <param name="MaxAttempts">Attempts per contact (1–3).</param>
/// <param name="RetryBusySeconds">Wait after a busy attempt.</param>
/// <param name="RetryNoAnswerSeconds">Wait after an unanswered attempt.</param>
/// <param name="RetryCongestionSeconds">Wait after congestion or a failed dial.</param>
/// <param name="RingSeconds">How long the customer's phone rings before the attempt counts as unanswered.</param>
/// <param name="DialString">How a number is dialled, with "{number}" in it (e.g. "line:{number}").</param>
/// <param name="State">draft, running, paused or finished.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CampaignRecord(
    string Name,
    string Queue,
    string Mode,
    int HoursFrom,
    int HoursTo,
    int MaxAttempts,
    int RetryBusySeconds,
    int RetryNoAnswerSeconds,
    int RetryCongestionSeconds,
    int RingSeconds,
    string DialString,
    string State,
    DateTimeOffset CreatedAt);
