namespace Appliance.Storage;

/// <summary>
/// A complaint ticket ("dispatch slip"). The repository sets <see cref="CreatedAt"/>, <see cref="UpdatedAt"/> and
/// <see cref="Revision"/>; every stored revision is also queued in the outbox for head office.
/// </summary>
/// <param name="Id">Unique ticket id (1-128 characters).</param>
/// <param name="Branch">The branch that owns it.</param>
/// <param name="Type">The business category, e.g. "card-fee".</param>
/// <param name="Status">e.g. "open", "dispatched", "closed".</param>
/// <param name="MaskedAccount">The account in masked form only (see <see cref="AccountMasking"/>); a full card number is refused.</param>
/// <param name="Amount">The disputed amount, if any.</param>
/// <param name="Notes">Free text: call summary, reply, outcome.</param>
/// <param name="CallId">The call it came from, if any.</param>
/// <param name="CreatedAt">Set on create.</param>
/// <param name="UpdatedAt">Set on every write.</param>
/// <param name="Revision">1 on create, +1 per update; an update must carry the revision it read (optimistic concurrency).</param>
public sealed record TicketRecord(
    string Id,
    string Branch,
    string Type,
    string Status,
    string? MaskedAccount = null,
    MoneyAmount? Amount = null,
    string Notes = "",
    string? CallId = null,
    DateTimeOffset CreatedAt = default,
    DateTimeOffset UpdatedAt = default,
    int Revision = 0);
