using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>
/// Complaint tickets. Every create and update writes the ticket, its complaint details, a history entry AND the
/// ticket's outbox entry in one SQLite transaction: all are stored, or none.
/// </summary>
public sealed class ComplaintTicketRepository(ApplianceDatabase database, IOutboxPayloadEncoder encoder)
{
    /// <summary>Stores a new complaint (revision 1, timestamps from the database's clock) and queues it for head office.</summary>
    /// <exception cref="StorageException">InvalidRecord for a bad value; Conflict if a ticket with the id exists.</exception>
    public ComplaintTicketRecord Create(ComplaintTicketRecord complaint, string actor, string change)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var subject = $"ticket '{complaint.Id}'";
        ComplaintRows.Validate(complaint, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        var stored = complaint with { Ticket = complaint.Ticket with { CreatedAt = now, UpdatedAt = now, Revision = 1 } };
        return database.Write($"Creating {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM tickets WHERE id = $id;", "$id", complaint.Id))
            {
                throw RecordRules.Conflict(subject, "a ticket with this id already exists");
            }

            ComplaintRows.WriteTicket(connection, transaction, stored.Ticket, insert: true);
            return Finish(connection, transaction, stored, actor, change);
        });
    }

    /// <summary>Stores a change (revision + 1) and queues the new revision for head office.</summary>
    /// <param name="complaint">The changed complaint carrying the revision it was based on.</param>
    /// <param name="actor">Who made the change (agent id, "headoffice", "chase").</param>
    /// <param name="change">What changed, for the history.</param>
    /// <exception cref="StorageException">
    /// InvalidRecord for a bad value or an unknown id; Conflict when the ticket changed since that revision.
    /// </exception>
    public ComplaintTicketRecord Update(ComplaintTicketRecord complaint, string actor, string change)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var subject = $"ticket '{complaint.Id}'";
        ComplaintRows.Validate(complaint, subject);
        var now = BusinessRecordRules.Now(database.TimeProvider);
        return database.Write($"Updating {subject}", (connection, transaction) =>
        {
            var current = Read(connection, transaction, complaint.Id)
                ?? throw RecordRules.Invalid(subject, "no complaint ticket with this id exists");
            if (current.Revision != complaint.Revision)
            {
                throw RecordRules.Conflict(subject,
                    $"it was changed since it was read (stored revision {current.Revision}, this change is based on {complaint.Revision})");
            }

            var stored = complaint with
            {
                Ticket = complaint.Ticket with
                {
                    Branch = current.Ticket.Branch,
                    CreatedAt = current.Ticket.CreatedAt,
                    UpdatedAt = now < current.Ticket.CreatedAt ? current.Ticket.CreatedAt : now,
                    Revision = current.Revision + 1,
                },
            };
            ComplaintRows.WriteTicket(connection, transaction, stored.Ticket, insert: false);
            return Finish(connection, transaction, stored, actor, change);
        });
    }

    /// <summary>The complaint with <paramref name="id"/>, or null (also for a generic ticket that is not a complaint).</summary>
    public ComplaintTicketRecord? Get(string id) =>
        database.Read("Reading a complaint ticket", connection => Read(connection, null, id));

    /// <summary>The newest complaints first, optionally only those in <paramref name="status"/>.</summary>
    public IReadOnlyList<ComplaintTicketRecord> List(string? status, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Read("Listing complaint tickets", connection =>
        {
            using var command = connection.Command(
                $"{ComplaintRows.Select} WHERE ($status IS NULL OR t.status = $status) ORDER BY t.created_at DESC, t.id LIMIT $limit;")
                .With("$status", status).With("$limit", limit);
            return command.ReadAll(ComplaintRows.Map);
        });
    }

    /// <summary>The newest complaint of <paramref name="customerNumber"/> in <paramref name="category"/> created at or after <paramref name="since"/>.</summary>
    public ComplaintTicketRecord? FindRecent(string customerNumber, string category, DateTimeOffset since) =>
        database.Read("Looking for an earlier complaint", connection =>
        {
            using var command = connection.Command(
                $"{ComplaintRows.Select} WHERE d.customer_number = $number AND t.type = $category AND t.created_at >= $since ORDER BY t.created_at DESC LIMIT 1;")
                .With("$number", customerNumber).With("$category", category).With("$since", UnixTime.ToMilliseconds(since));
            return command.ReadAll(ComplaintRows.Map).SingleOrDefault();
        });

    /// <summary>Complaints in one of <paramref name="statuses"/> whose deadline is at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<ComplaintTicketRecord> ListOverdue(DateTimeOffset now, IReadOnlyCollection<string> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return database.Read("Listing overdue complaint tickets", connection =>
        {
            using var command = connection.Command(
                $"{ComplaintRows.Select} WHERE d.deadline_at IS NOT NULL AND d.deadline_at <= $now AND t.status IN (SELECT value FROM json_each($statuses)) ORDER BY d.deadline_at, t.id;")
                .With("$now", UnixTime.ToMilliseconds(now)).With("$statuses", System.Text.Json.JsonSerializer.Serialize(statuses));
            return command.ReadAll(ComplaintRows.Map);
        });
    }

    /// <summary>The ticket's changes, oldest first.</summary>
    public IReadOnlyList<TicketHistoryEntry> History(string id) =>
        database.Read("Reading a ticket's history", connection =>
        {
            using var command = connection.Command(
                "SELECT ticket_id, revision, at, actor, change FROM ticket_history WHERE ticket_id = $id ORDER BY revision;").With("$id", id);
            return command.ReadAll(r => new TicketHistoryEntry(r.GetString(0), r.GetInt32(1), r.GetInstant(2), r.GetString(3), r.GetString(4)));
        });

    private ComplaintTicketRecord Finish(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        ComplaintTicketRecord stored, string actor, string change)
    {
        ComplaintRows.WriteDetails(connection, transaction, stored);
        ComplaintRows.WriteHistory(connection, transaction, new TicketHistoryEntry(stored.Id, stored.Revision, stored.Ticket.UpdatedAt, actor, change));
        var reopened = ComplaintRows.ReopenCount(connection, transaction, stored.Id);
        OutboxWriter.Append(connection, transaction, OutboxKinds.Ticket, stored.Id, stored.Revision, encoder.Encode(stored, reopened),
            encoder.PayloadVersion, stored.Ticket.UpdatedAt);
        return stored;
    }

    private static ComplaintTicketRecord? Read(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction, string id)
    {
        using var command = connection.Command($"{ComplaintRows.Select} WHERE t.id = $id;", transaction).With("$id", id);
        return command.ReadAll(ComplaintRows.Map).SingleOrDefault();
    }
}
