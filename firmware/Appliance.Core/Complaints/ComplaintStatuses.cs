namespace Appliance.Core.Complaints;

/// <summary>
/// The life of a complaint (DOMAIN.md): new → dispatched → in-progress → resolved → confirmed (with the customer,
/// who gives a score) → closed; resolved, confirmed and closed tickets may be reopened. A complaint solved on the call
/// goes from new straight to resolved.
/// </summary>
public static class ComplaintStatuses
{
    /// <summary>Just taken by the agent.</summary>
    public const string New = "new";

    /// <summary>Sent to the responsible department with a deadline.</summary>
    public const string Dispatched = "dispatched";

    /// <summary>The department is working on it.</summary>
    public const string InProgress = "in-progress";

    /// <summary>Answered; the customer is to be called back.</summary>
    public const string Resolved = "resolved";

    /// <summary>The customer was told and gave a satisfaction score.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Done.</summary>
    public const string Closed = "closed";

    /// <summary>The customer was not satisfied, or the answer was wrong: the ticket is open again.</summary>
    public const string Reopened = "reopened";

    /// <summary>Every status, in life-cycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [New, Dispatched, InProgress, Resolved, Confirmed, Closed, Reopened];

    /// <summary>The statuses in which a department owes an answer by the deadline.</summary>
    public static IReadOnlyList<string> Chased { get; } = [Dispatched, InProgress, Reopened];
}
