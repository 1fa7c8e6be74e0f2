using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>
/// Complaint tickets. Every create and update writes the ticket AND its outbox entry in the same SQLite transaction:
/// both are stored, or (on any error, including one from the encoder) neither.
/// </summary>
public sealed class TicketRepository(ApplianceDatabase database, IOutboxPayloadEncoder encoder)
{
    private readonly BusinessRecordTable<TicketRecord> _table = new(database, new BusinessRecordKind<TicketRecord>(
        "tickets",
        "ticket",
        OutboxKinds.Ticket,
        AmountRequired: false,
        t => new BusinessRow(t.Id, t.Branch, t.Type, t.Status, t.MaskedAccount, t.Amount, t.Notes, t.CallId, t.CreatedAt, t.UpdatedAt, t.Revision),
        r => new TicketRecord(r.Id, r.Branch, r.Type, r.Status, r.MaskedAccount, r.Amount, r.Notes, r.CallId, r.CreatedAt, r.UpdatedAt, r.Revision),
        encoder.Encode,
        encoder.PayloadVersion));

    /// <summary>Stores a new ticket (revision 1, timestamps from the database's clock) and queues it for head office.</summary>
    /// <returns>The ticket as stored.</returns>
    /// <exception cref="StorageException">InvalidRecord for a bad value (e.g. a full card number); Conflict if the id exists.</exception>
    public TicketRecord Create(TicketRecord ticket) => _table.Create(ticket);

    /// <summary>Stores a change (revision + 1) and queues the new revision for head office.</summary>
    /// <param name="ticket">The changed ticket carrying the <see cref="TicketRecord.Revision"/> it was read at.</param>
    /// <exception cref="StorageException">
    /// InvalidRecord for a bad value or an unknown id; Conflict when the ticket changed since it was read.
    /// </exception>
    public TicketRecord Update(TicketRecord ticket) => _table.Update(ticket);

    /// <summary>The ticket with <paramref name="id"/>, or null.</summary>
    public TicketRecord? Get(string id) => _table.Get(id);
}
