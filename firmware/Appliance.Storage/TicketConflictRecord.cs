namespace Appliance.Storage;

/// <summary>
/// A head-office change to a ticket that the box did not apply, kept whole: the box's version (revision, status)
/// stayed, and this is head office's losing version with the reason.
/// </summary>
/// <param name="ChangeId">Head office's change id (unique).</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="BasedOnRevision">The revision head office changed.</param>
/// <param name="BoxRevision">The box's revision when the change arrived, or null if the box has no such ticket.</param>
/// <param name="BoxStatus">The box's status then, or null.</param>
/// <param name="HeadOfficeStatus">The status head office set, or empty for a note.</param>
/// <param name="HeadOfficeDepartment">The department head office set, or empty.</param>
/// <param name="HeadOfficeNote">Head office's note, or empty.</param>
/// <param name="HeadOfficeActor">Who at head office.</param>
/// <param name="HeadOfficeChangedAt">When head office made it.</param>
/// <param name="Reason">Why it was not applied.</param>
/// <param name="DetectedAt">When the box found it.</param>
public sealed record TicketConflictRecord(
    long ChangeId,
    string TicketId,
    int BasedOnRevision,
    int? BoxRevision,
    string? BoxStatus,
    string HeadOfficeStatus,
    string HeadOfficeDepartment,
    string HeadOfficeNote,
    string HeadOfficeActor,
    DateTimeOffset HeadOfficeChangedAt,
    string Reason,
    DateTimeOffset DetectedAt);
