namespace Appliance.HeadOffice.Tickets;

/// <summary>A change head office asks a branch to make to one of its tickets.</summary>
/// <param name="BranchId">The branch that owns the ticket.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="Actor">Who at head office makes it.</param>
/// <param name="Status">The new status, or null for a note only.</param>
/// <param name="Note">Free text for the ticket's history, or null.</param>
/// <param name="Department">On dispatch: another department, or null.</param>
/// <param name="BasedOnRevision">The revision the author read; null takes the one head office holds now.</param>
public sealed record HeadOfficeTicketChange(
    string BranchId, string TicketId, string Actor, string? Status, string? Note, string? Department = null, int? BasedOnRevision = null);
