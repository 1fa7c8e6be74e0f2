using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Self-service transactions. Every create and update writes the transaction AND its outbox entry in the same SQLite
/// transaction: both are stored, or (on any error, including one from the encoder) neither.
/// </summary>
public sealed class TransactionRepository(ApplianceDatabase database, IOutboxPayloadEncoder encoder)
{
    private const string Select =
        """
        SELECT id, branch, type, status, masked_account, amount_minor, currency, notes, call_id, created_at, updated_at, revision
        FROM transactions
        """;

    /// <summary>Stores a new transaction (revision 1, timestamps from the database's clock) and queues it for head office.</summary>
    /// <returns>The transaction as stored.</returns>
    /// <exception cref="StorageException">InvalidRecord for a bad value (e.g. a full card number); Conflict if the id exists.</exception>
    public TransactionRecord Create(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var subject = $"transaction '{record.Id}'";
        Validate(record, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        var stored = record with { CreatedAt = now, UpdatedAt = now, Revision = 1 };
        return database.Write($"Creating {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM transactions WHERE id = $id;", "$id", record.Id))
            {
                throw RecordRules.Conflict(subject, "a transaction with this id already exists");
            }

            Write(connection, transaction, stored, insert: true);
            return stored;
        });
    }

    /// <summary>Stores a change (revision + 1) and queues the new revision for head office.</summary>
    /// <param name="record">The changed transaction carrying the <see cref="TransactionRecord.Revision"/> it was read at.</param>
    /// <exception cref="StorageException">
    /// InvalidRecord for a bad value or an unknown id; Conflict when the transaction changed since it was read.
    /// </exception>
    public TransactionRecord Update(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var subject = $"transaction '{record.Id}'";
        Validate(record, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        return database.Write($"Updating {subject}", (connection, transaction) =>
        {
            var current = Get(connection, transaction, record.Id)
                ?? throw RecordRules.Invalid(subject, "no transaction with this id exists");
            if (current.Revision != record.Revision)
            {
                throw RecordRules.Conflict(subject,
                    $"it was changed since it was read (stored revision {current.Revision}, this change is based on {record.Revision})");
            }

            var stored = record with
            {
                CreatedAt = current.CreatedAt,
                UpdatedAt = now < current.CreatedAt ? current.CreatedAt : now,
                Revision = current.Revision + 1,
            };
            Write(connection, transaction, stored, insert: false);
            return stored;
        });
    }

    /// <summary>The transaction with <paramref name="id"/>, or null.</summary>
    public TransactionRecord? Get(string id) => database.Read("Reading a transaction", connection => Get(connection, null, id));

    private void Write(SqliteConnection connection, SqliteTransaction transaction, TransactionRecord record, bool insert)
    {
        using var command = connection.Command(insert
            ? """
              INSERT INTO transactions (id, branch, type, status, masked_account, amount_minor, currency, notes, call_id, created_at, updated_at, revision)
              VALUES ($id, $branch, $type, $status, $account, $amount, $currency, $notes, $call, $created, $updated, $revision);
              """
            : """
              UPDATE transactions SET branch = $branch, type = $type, status = $status, masked_account = $account, amount_minor = $amount,
                  currency = $currency, notes = $notes, call_id = $call, updated_at = $updated, revision = $revision
              WHERE id = $id;
              """,
            transaction);
        command.With("$id", record.Id).With("$branch", record.Branch).With("$type", record.Type).With("$status", record.Status)
            .With("$account", record.MaskedAccount).With("$amount", record.Amount.MinorUnits).With("$currency", record.Amount.Currency)
            .With("$notes", record.Notes).With("$call", record.CallId)
            .With("$created", UnixTime.ToMilliseconds(record.CreatedAt)).With("$updated", UnixTime.ToMilliseconds(record.UpdatedAt))
            .With("$revision", record.Revision);
        command.ExecuteNonQuery();
        OutboxWriter.Append(connection, transaction, OutboxKinds.Transaction, record.Id, record.Revision,
            encoder.Encode(record), encoder.PayloadVersion, record.UpdatedAt);
    }

    private static TransactionRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = connection.Command(Select + " WHERE id = $id;", transaction).With("$id", id);
        return command.ReadAll(Map).SingleOrDefault();
    }

    private static void Validate(TransactionRecord transaction, string subject)
    {
        BusinessRecordRules.Common(transaction.Id, transaction.Branch, transaction.Type, transaction.Status, transaction.MaskedAccount, transaction.Notes, transaction.CallId, subject);
        BusinessRecordRules.Money(transaction.Amount, subject);
    }

    private static TransactionRecord Map(SqliteDataReader reader) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            new MoneyAmount(reader.GetInt64(5), reader.GetString(6)),
            reader.GetNullableString(4),
            reader.GetString(7),
            reader.GetNullableString(8),
            reader.GetInstant(9),
            reader.GetInstant(10),
            reader.GetInt32(11));
}
