namespace Appliance.Host.Control;

/// <summary>PATCH /v1/tickets/{id}: a change based on the revision the author read (409 if the ticket moved on).</summary>
/// <param name="Revision">The revision the change is based on.</param>
/// <param name="Agent">Who changes it (the agent API takes it from the login instead).</param>
/// <param name="Status">The new status: dispatched, in-progress, resolved, confirmed, closed or reopened.</param>
/// <param name="Department">On dispatch, a department other than the category's.</param>
/// <param name="Satisfaction">On confirmation, the customer's score 1-5.</param>
/// <param name="Note">Text appended to the ticket (reply, outcome).</param>
public sealed record TicketUpdateRequest(
    int Revision,
    string? Agent = null,
    string? Status = null,
    string? Department = null,
    int? Satisfaction = null,
    string? Note = null);
