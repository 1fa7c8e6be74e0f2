using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Complaint tickets. Every create and update writes the ticket AND its outbox entry in the same SQLite transaction:
/// both are stored, or (on any error, including one from the encoder) neither.
/// </summary>
public sealed class TicketRepository(ApplianceDatabase database, IOutboxPayloadEncoder encoder)
{
    private const string Select =
        """
        SELECT id, branch, type, status, masked_account, amount_minor, currency, notes, call_id, created_at, updated_at, revision
        FROM tickets
        """;

    /// <summary>Stores a new ticket (revision 1, timestamps from the database's clock) and queues it for head office.</summary>
    /// <returns>The ticket as stored.</returns>
    /// <exception cref="StorageException">InvalidRecord for a bad value (e.g. a full card number); Conflict if the id exists.</exception>
    public TicketRecord Create(TicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = $"ticket '{ticket.Id}'";
        Validate(ticket, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        var stored = ticket with { CreatedAt = now, UpdatedAt = now, Revision = 1 };
        return database.Write($"Creating {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM tickets WHERE id = $id;", "$id", ticket.Id))
            {
                throw RecordRules.Conflict(subject, "a ticket with this id already exists");
            }

            Write(connection, transaction, stored, insert: true);
            return stored;
        });
    }

    /// <summary>Stores a change (revision + 1) and queues the new revision for head office.</summary>
    /// <param name="ticket">The changed ticket carrying the <see cref="TicketRecord.Revision"/> it was read at.</param>
    /// <exception cref="StorageException">
    /// InvalidRecord for a bad value or an unknown id; Conflict when the ticket changed since it was read.
    /// </exception>
    public TicketRecord Update(TicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var subject = $"ticket '{ticket.Id}'";
        Validate(ticket, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        return database.Write($"Updating {subject}", (connection, transaction) =>
        {
            var current = Get(connection, transaction, ticket.Id)
                ?? throw RecordRules.Invalid(subject, "no ticket with this id exists");
            if (current.Revision != ticket.Revision)
            {
                throw RecordRules.Conflict(subject,
                    $"it was changed since it was read (stored revision {current.Revision}, this change is based on {ticket.Revision})");
            }

            var stored = ticket with
            {
                CreatedAt = current.CreatedAt,
                UpdatedAt = now < current.CreatedAt ? current.CreatedAt : now,
                Revision = current.Revision + 1,
            };
            Write(connection, transaction, stored, insert: false);
            return stored;
        });
    }

    /// <summary>The ticket with <paramref name="id"/>, or null.</summary>
    public TicketRecord? Get(string id) => database.Read("Reading a ticket", connection => Get(connection, null, id));

    private void Write(SqliteConnection connection, SqliteTransaction transaction, TicketRecord ticket, bool insert)
    {
        using var command = connection.Command(insert
            ? """
              INSERT INTO tickets (id, branch, type, status, masked_account, amount_minor, currency, notes, call_id, created_at, updated_at, revision)
              VALUES ($id, $branch, $type, $status, $account, $amount, $currency, $notes, $call, $created, $updated, $revision);
              """
            : """
              UPDATE tickets SET branch = $branch, type = $type, status = $status, masked_account = $account, amount_minor = $amount,
                  currency = $currency, notes = $notes, call_id = $call, updated_at = $updated, revision = $revision
              WHERE id = $id;
              """,
            transaction);
        command.With("$id", ticket.Id).With("$branch", ticket.Branch).With("$type", ticket.Type).With("$status", ticket.Status)
            .With("$account", ticket.MaskedAccount).With("$amount", ticket.Amount?.MinorUnits).With("$currency", ticket.Amount?.Currency)
            .With("$notes", ticket.Notes).With("$call", ticket.CallId)
            .With("$created", UnixTime.ToMilliseconds(ticket.CreatedAt)).With("$updated", UnixTime.ToMilliseconds(ticket.UpdatedAt))
            .With("$revision", ticket.Revision);
        command.ExecuteNonQuery();
        OutboxWriter.Append(connection, transaction, OutboxKinds.Ticket, ticket.Id, ticket.Revision,
            encoder.Encode(ticket), encoder.PayloadVersion, ticket.UpdatedAt);
    }

    private static TicketRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = connection.Command(Select + " WHERE id = $id;", transaction).With("$id", id);
        return command.ReadAll(Map).SingleOrDefault();
    }

    private static void Validate(TicketRecord ticket, string subject)
    {
        BusinessRecordRules.Common(ticket.Id, ticket.Branch, ticket.Type, ticket.Status, ticket.MaskedAccount, ticket.Notes, ticket.CallId, subject);
        if (ticket.Amount is { } amount)
        {
            BusinessRecordRules.Money(amount, subject);
        }
    }

    private static TicketRecord Map(SqliteDataReader reader) =>
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
