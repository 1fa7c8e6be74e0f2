using System.Globalization;
using Appliance.HeadOffice.Sync.Internal;
using Appliance.HeadOffice.Tickets.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Appliance.HeadOffice.Tickets;

/// <summary>
/// Head office's side of two-way tickets: a department changes a branch's ticket here (resolve, a note, another
/// status), based on the revision head office last received. The change is queued for the branch, which pulls it and
/// applies it only if its ticket is still at that revision (it then becomes revision + 1); the branch's life-cycle rules
/// decide whether the status change is allowed. A change on an older revision than head office holds, or on a revision
/// another head-office change already used, is refused here: it would only come back as a conflict.
/// </summary>
public sealed class TicketDesk(NpgsqlDataSource dataSource, TimeProvider time, ILogger<TicketDesk> logger)
{
    /// <summary>Most changes one pull returns.</summary>
    public const int MaxChangesPerPull = 500;

    private static readonly string[] Statuses = ["new", "dispatched", "in-progress", "resolved", "confirmed", "closed", "reopened"];

    /// <summary>Queues <paramref name="change"/> for its branch.</summary>
    /// <returns>The stored change.</returns>
    /// <exception cref="TicketDeskException">Unknown ticket, stale revision or a bad value; nothing was stored.</exception>
    public async Task<QueuedTicketChange> ChangeAsync(HeadOfficeTicketChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var subject = $"ticket '{change.TicketId}' of branch '{change.BranchId}'";
        try
        {
            Check(change, subject);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var read = new NpgsqlCommand(
                "SELECT revision FROM tickets WHERE branch_id = $1 AND ticket_id = $2 FOR UPDATE;", connection, transaction);
            read.With(change.BranchId).With(change.TicketId);
            var revision = await read.ExecuteScalarAsync(cancellationToken) as int?
                ?? throw new TicketDeskException($"{subject}: head office has received no such ticket; nothing was changed.");
            var basedOn = change.BasedOnRevision ?? revision;
            if (basedOn != revision)
            {
                throw new TicketDeskException(string.Create(CultureInfo.InvariantCulture,
                    $"{subject}: the change is based on revision {basedOn} but head office holds revision {revision}; read it again; nothing was changed."));
            }

            await using var pending = new NpgsqlCommand(
                "SELECT max(change_id) FROM ticket_changes WHERE branch_id = $1 AND ticket_id = $2 AND based_on_revision >= $3;",
                connection, transaction);
            pending.With(change.BranchId).With(change.TicketId).With(revision);
            if (await pending.ExecuteScalarAsync(cancellationToken) is long waiting)
            {
                throw new TicketDeskException(string.Create(CultureInfo.InvariantCulture,
                    $"{subject}: head office change {waiting} on revision {revision} has not come back from the branch yet; wait for it; nothing was changed."));
            }

            var now = time.GetUtcNow().UtcDateTime;
            await using var insert = new NpgsqlCommand("""
                INSERT INTO ticket_changes (branch_id, ticket_id, based_on_revision, status, department, note, actor, changed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING change_id;
                """, connection, transaction);
            insert.With(change.BranchId).With(change.TicketId).With(revision).With(change.Status ?? string.Empty)
                .With(change.Department ?? string.Empty).With(change.Note ?? string.Empty).With(change.Actor).With(now);
            var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            TicketDeskLog.Queued(logger, id, change.TicketId, change.BranchId, change.Actor, change.Status ?? "(note)", revision);
            return new QueuedTicketChange(id, change.TicketId, revision, change.Status ?? string.Empty, change.Department ?? string.Empty,
                change.Note ?? string.Empty, change.Actor, now);
        }
        catch (TicketDeskException e)
        {
            TicketDeskLog.Refused(logger, e.Message);
            throw;
        }
    }

    /// <summary>The branch's changes after <paramref name="afterChangeId"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<QueuedTicketChange>> ChangesAfterAsync(
        string branchId, long afterChangeId, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT change_id, ticket_id, based_on_revision, status, department, note, actor, changed_at
            FROM ticket_changes WHERE branch_id = $1 AND change_id > $2 ORDER BY change_id LIMIT $3;
            """);
        command.With(branchId).With(afterChangeId).With(Math.Clamp(max, 1, MaxChangesPerPull));
        var changes = new List<QueuedTicketChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new QueuedTicketChange(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetDateTime(7)));
        }

        TicketDeskLog.Pulled(logger, branchId, changes.Count, afterChangeId);
        return changes;
    }

    /// <summary>The ticket as head office last received it, or null.</summary>
    public async Task<HeadOfficeTicket?> GetAsync(string branchId, string ticketId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT category, sub_category, status, revision, department, escalation_level, customer_number_masked, satisfaction,
                   reopen_count,
                   (SELECT count(*) FROM ticket_changes c
                    WHERE c.branch_id = t.branch_id AND c.ticket_id = t.ticket_id AND c.based_on_revision >= t.revision)::int
            FROM tickets t WHERE branch_id = $1 AND ticket_id = $2;
            """);
        command.With(branchId).With(ticketId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new HeadOfficeTicket(branchId, ticketId, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9))
            : null;
    }

    private static void Check(HeadOfficeTicketChange change, string subject)
    {
        if (string.IsNullOrWhiteSpace(change.Actor) || change.Actor.Length > 64)
        {
            throw new TicketDeskException($"{subject}: actor is required (1-64 characters); nothing was changed.");
        }

        if (change.Status is not null && !Statuses.Contains(change.Status, StringComparer.Ordinal))
        {
            throw new TicketDeskException($"{subject}: status '{change.Status}' is unknown; it must be one of {string.Join(", ", Statuses)}; nothing was changed.");
        }

        if (change.Status is null && string.IsNullOrWhiteSpace(change.Note))
        {
            throw new TicketDeskException($"{subject}: the change changes nothing (give a status or a note); nothing was changed.");
        }

        if ((change.Note?.Length ?? 0) > FieldRules.MaxNotesLength || (change.Note?.Contains('\0', StringComparison.Ordinal) ?? false) || (change.Department?.Length ?? 0) > FieldRules.MaxTextLength)
        {
            throw new TicketDeskException($"{subject}: the note or department is too long or contains NUL; nothing was changed.");
        }

        if (change.BasedOnRevision is < 1)
        {
            throw new TicketDeskException($"{subject}: revision must be 1 or more; nothing was changed.");
        }
    }
}
