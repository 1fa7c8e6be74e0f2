namespace Appliance.HeadOffice.Tickets;

/// <summary>A stored head-office change, as the branch pulls it.</summary>
/// <param name="ChangeId">The branch's cursor: increasing.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="BasedOnRevision">The branch revision it was made on; applying it makes the ticket that revision + 1.</param>
/// <param name="Status">The new status, or empty.</param>
/// <param name="Department">The department on dispatch, or empty.</param>
/// <param name="Note">The note, or empty.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="ChangedAt">When.</param>
public sealed record QueuedTicketChange(
    long ChangeId, string TicketId, int BasedOnRevision, string Status, string Department, string Note, string Actor, DateTime ChangedAt);
