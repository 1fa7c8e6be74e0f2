namespace Appliance.Storage;

/// <summary>
/// A self-service transaction made in the voice menu (bill payment, transfer, loss report). The repository sets
/// <see cref="CreatedAt"/>, <see cref="UpdatedAt"/> and <see cref="Revision"/>; every stored revision is also queued
/// in the outbox for head office.
/// </summary>
/// <param name="Id">Unique transaction id (1-128 characters).</param>
/// <param name="Branch">The branch it was made at.</param>
/// <param name="Type">e.g. "bill-payment", "transfer".</param>
/// <param name="Status">e.g. "pending", "completed", "failed".</param>
/// <param name="Amount">The amount moved.</param>
/// <param name="MaskedAccount">The account in masked form only (see <see cref="AccountMasking"/>); a full card number is refused.</param>
/// <param name="Notes">Free text.</param>
/// <param name="CallId">The call it was made in, if any.</param>
/// <param name="CreatedAt">Set on create.</param>
/// <param name="UpdatedAt">Set on every write.</param>
/// <param name="Revision">1 on create, +1 per update; an update must carry the revision it read (optimistic concurrency).</param>
public sealed record TransactionRecord(
    string Id,
    string Branch,
    string Type,
    string Status,
    MoneyAmount Amount,
    string? MaskedAccount = null,
    string Notes = "",
    string? CallId = null,
    DateTimeOffset CreatedAt = default,
    DateTimeOffset UpdatedAt = default,
    int Revision = 0);
