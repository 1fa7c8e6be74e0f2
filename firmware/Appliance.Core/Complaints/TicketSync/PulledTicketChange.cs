namespace Appliance.Core.Complaints.TicketSync;

/// <summary>A change head office made to one of this branch's tickets, as pulled.</summary>
/// <param name="ChangeId">Head office's id for it, increasing: the pull cursor.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="BasedOnRevision">The box revision head office changed.</param>
/// <param name="Status">The new status, or null for a note only.</param>
/// <param name="Department">The department when dispatching, or null.</param>
/// <param name="Note">A note for the ticket, or null.</param>
/// <param name="Actor">Who at head office made it.</param>
/// <param name="ChangedAt">When.</param>
public sealed record PulledTicketChange(
    long ChangeId, string TicketId, int BasedOnRevision, string? Status, string? Department, string? Note, string Actor, DateTimeOffset ChangedAt);
