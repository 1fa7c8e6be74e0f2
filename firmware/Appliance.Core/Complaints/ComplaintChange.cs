namespace Appliance.Core.Complaints;

/// <summary>A change to a complaint, based on the revision the author read. Null fields stay as they are.</summary>
/// <param name="Id">The ticket.</param>
/// <param name="BasedOnRevision">The revision the author saw; a newer stored one refuses the change.</param>
/// <param name="Actor">Who changes it (agent id, "headoffice").</param>
/// <param name="Status">The new status (see <see cref="ComplaintStatuses"/>), or null.</param>
/// <param name="Department">On dispatch: a department other than the category's, or null.</param>
/// <param name="Satisfaction">On confirmation: the customer's score 1-5.</param>
/// <param name="Note">Free text appended to the description (reply, outcome), or null.</param>
public sealed record ComplaintChange(
    string Id,
    int BasedOnRevision,
    string Actor,
    string? Status = null,
    string? Department = null,
    int? Satisfaction = null,
    string? Note = null);
