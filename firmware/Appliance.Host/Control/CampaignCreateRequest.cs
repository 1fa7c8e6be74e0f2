namespace Appliance.Host.Control;

/// <summary>POST /v1/campaigns: a new campaign (a draft until started).</summary>
/// <param name="Name">Its name: letters, digits, '.', '_' or '-'.</param>
/// <param name="Queue">The queue whose agents take its calls.</param>
/// <param name="Mode">"progressive" or "preview".</param>
/// <param name="Hours">Calling hours in the branch's time zone, "HH:MM-HH:MM" (end exclusive; "00:00-24:00" all day).</param>
/// <param name="MaxAttempts">Attempts per contact, 1–3.</param>
/// <param name="RetryBusySeconds">Wait after a busy attempt.</param>
/// <param name="RetryNoAnswerSeconds">Wait after an unanswered attempt.</param>
/// <param name="RetryCongestionSeconds">Wait after congestion or a failed dial.</param>
/// <param name="RingSeconds">How long the customer rings before the attempt counts as unanswered (5–120).</param>
/// <param name="DialString">How numbers are dialled, containing "{number}" (e.g. "line:{number}").</param>
public sealed record CampaignCreateRequest(
    string Name,
    string Queue,
    string Mode,
    string Hours,
    int MaxAttempts,
    int RetryBusySeconds,
    int RetryNoAnswerSeconds,
    int RetryCongestionSeconds,
    int RingSeconds,
    string DialString);
