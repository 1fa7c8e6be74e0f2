using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>
/// Self-service transactions. Every create and update writes the transaction AND its outbox entry in the same SQLite
/// transaction: both are stored, or (on any error, including one from the encoder) neither.
/// </summary>
public sealed class TransactionRepository(ApplianceDatabase database, IOutboxPayloadEncoder encoder)
{
    private readonly BusinessRecordTable<TransactionRecord> _table = new(database, new BusinessRecordKind<TransactionRecord>(
        "transactions",
        "transaction",
        OutboxKinds.Transaction,
        AmountRequired: true,
        t => new BusinessRow(t.Id, t.Branch, t.Type, t.Status, t.MaskedAccount, t.Amount, t.Notes, t.CallId, t.CreatedAt, t.UpdatedAt, t.Revision),
        r => new TransactionRecord(r.Id, r.Branch, r.Type, r.Status, r.Amount.GetValueOrDefault(), r.MaskedAccount, r.Notes, r.CallId, r.CreatedAt, r.UpdatedAt, r.Revision),
        encoder.Encode,
        encoder.PayloadVersion));

    /// <summary>Stores a new transaction (revision 1, timestamps from the database's clock) and queues it for head office.</summary>
    /// <returns>The transaction as stored.</returns>
    /// <exception cref="StorageException">InvalidRecord for a bad value (e.g. a full card number); Conflict if the id exists.</exception>
    public TransactionRecord Create(TransactionRecord record) => _table.Create(record);

    /// <summary>Stores a change (revision + 1) and queues the new revision for head office.</summary>
    /// <param name="record">The changed transaction carrying the <see cref="TransactionRecord.Revision"/> it was read at.</param>
    /// <exception cref="StorageException">
    /// InvalidRecord for a bad value or an unknown id; Conflict when the transaction changed since it was read.
    /// </exception>
    public TransactionRecord Update(TransactionRecord record) => _table.Update(record);

    /// <summary>The transaction with <paramref name="id"/>, or null.</summary>
    public TransactionRecord? Get(string id) => _table.Get(id);
}
