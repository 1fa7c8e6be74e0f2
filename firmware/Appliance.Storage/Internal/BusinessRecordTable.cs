using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>
/// Create, update and read for the records head office receives (tickets, transactions): one row per record with an
/// optimistic revision, and every write paired with its outbox entry in the same SQLite transaction, so both are
/// stored or (on any error, including one from the encoder) neither.
/// </summary>
internal sealed class BusinessRecordTable<T>(ApplianceDatabase database, BusinessRecordKind<T> kind)
    where T : class
{
    private const string Columns = "id, branch, type, status, masked_account, amount_minor, currency, notes, call_id, created_at, updated_at, revision";

    public T Create(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = kind.ToRow(record);
        var subject = $"{kind.Noun} '{row.Id}'";
        Validate(row, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        var stored = row with { CreatedAt = now, UpdatedAt = now, Revision = 1 };
        return database.Write($"Creating {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, $"SELECT 1 FROM {kind.Table} WHERE id = $id;", "$id", row.Id))
            {
                throw RecordRules.Conflict(subject, $"a {kind.Noun} with this id already exists");
            }

            return Write(connection, transaction, stored, insert: true);
        });
    }

    public T Update(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = kind.ToRow(record);
        var subject = $"{kind.Noun} '{row.Id}'";
        Validate(row, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        return database.Write($"Updating {subject}", (connection, transaction) =>
        {
            var current = Read(connection, transaction, row.Id)
                ?? throw RecordRules.Invalid(subject, $"no {kind.Noun} with this id exists");
            if (current.Revision != row.Revision)
            {
                throw RecordRules.Conflict(subject,
                    $"it was changed since it was read (stored revision {current.Revision}, this change is based on {row.Revision})");
            }

            var stored = row with
            {
                CreatedAt = current.CreatedAt,
                UpdatedAt = now < current.CreatedAt ? current.CreatedAt : now,
                Revision = current.Revision + 1,
            };
            return Write(connection, transaction, stored, insert: false);
        });
    }

    public T? Get(string id) =>
        database.Read($"Reading a {kind.Noun}", connection => Read(connection, null, id) is { } row ? kind.FromRow(row) : null);

    private T Write(SqliteConnection connection, SqliteTransaction transaction, BusinessRow row, bool insert)
    {
        using var command = connection.Command(insert
            ? $"INSERT INTO {kind.Table} ({Columns}) VALUES ($id, $branch, $type, $status, $account, $amount, $currency, $notes, $call, $created, $updated, $revision);"
            : $"""
               UPDATE {kind.Table} SET branch = $branch, type = $type, status = $status, masked_account = $account, amount_minor = $amount,
                   currency = $currency, notes = $notes, call_id = $call, updated_at = $updated, revision = $revision
               WHERE id = $id;
               """,
            transaction);
        command.With("$id", row.Id).With("$branch", row.Branch).With("$type", row.Type).With("$status", row.Status)
            .With("$account", row.MaskedAccount).With("$amount", row.Amount?.MinorUnits).With("$currency", row.Amount?.Currency)
            .With("$notes", row.Notes).With("$call", row.CallId)
            .With("$created", UnixTime.ToMilliseconds(row.CreatedAt)).With("$updated", UnixTime.ToMilliseconds(row.UpdatedAt))
            .With("$revision", row.Revision);
        command.ExecuteNonQuery();
        var stored = kind.FromRow(row);
        OutboxWriter.Append(connection, transaction, kind.OutboxKind, row.Id, row.Revision, kind.Encode(stored), kind.PayloadVersion, row.UpdatedAt);
        return stored;
    }

    private BusinessRow? Read(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = connection.Command($"SELECT {Columns} FROM {kind.Table} WHERE id = $id;", transaction).With("$id", id);
        return command.ReadAll(Map).SingleOrDefault();
    }

    private void Validate(BusinessRow row, string subject)
    {
        BusinessRecordRules.Common(row.Id, row.Branch, row.Type, row.Status, row.MaskedAccount, row.Notes, row.CallId, subject);
        if (row.Amount is { } amount)
        {
            BusinessRecordRules.Money(amount, subject);
        }
        else if (kind.AmountRequired)
        {
            throw RecordRules.Invalid(subject, "an amount is required");
        }
    }

    private static BusinessRow Map(SqliteDataReader reader) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetNullableString(4),
            reader.IsDBNull(5) ? null : new MoneyAmount(reader.GetInt64(5), reader.GetString(6)),
            reader.GetString(7),
            reader.GetNullableString(8),
            reader.GetInstant(9),
            reader.GetInstant(10),
            reader.GetInt32(11));
}
