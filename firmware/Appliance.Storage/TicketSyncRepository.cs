using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>The box's side of pulling head office's ticket changes: the pull cursor and the conflicts set aside.</summary>
public sealed class TicketSyncRepository(ApplianceDatabase database)
{
    /// <summary>The last head-office change id applied or set aside; 0 before the first.</summary>
    public long GetCursor() =>
        database.Read("Reading the ticket pull cursor", connection =>
        {
            using var command = connection.Command("SELECT last_change_id FROM ticket_pull_cursor WHERE id = 1;");
            return command.ExecuteScalar() is long id ? id : 0;
        });

    /// <summary>Moves the cursor forward to <paramref name="changeId"/> (never back).</summary>
    public void AdvanceCursor(long changeId, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changeId);
        database.Write("Advancing the ticket pull cursor", (connection, transaction) =>
        {
            using var command = connection.Command("""
                INSERT INTO ticket_pull_cursor (id, last_change_id, updated_at) VALUES (1, $id, $at)
                ON CONFLICT (id) DO UPDATE SET last_change_id = max(last_change_id, excluded.last_change_id), updated_at = excluded.updated_at;
                """, transaction).With("$id", changeId).With("$at", UnixTime.ToMilliseconds(at));
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Keeps a change that was not applied and moves the cursor past it, in one transaction.</summary>
    /// <returns>False when the change was set aside before (a repeated pull); nothing is written twice.</returns>
    public bool SetAside(TicketConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return database.Write($"Keeping the conflict of ticket '{conflict.TicketId}'", (connection, transaction) =>
        {
            using var insert = connection.Command("""
                INSERT INTO ticket_conflicts (change_id, ticket_id, based_on_revision, box_revision, box_status, ho_status,
                    ho_department, ho_note, ho_actor, ho_changed_at, reason, detected_at)
                VALUES ($change, $ticket, $based, $boxRevision, $boxStatus, $status, $department, $note, $actor, $changed, $reason, $at)
                ON CONFLICT (change_id) DO NOTHING;
                """, transaction)
                .With("$change", conflict.ChangeId).With("$ticket", conflict.TicketId).With("$based", conflict.BasedOnRevision)
                .With("$boxRevision", conflict.BoxRevision).With("$boxStatus", conflict.BoxStatus).With("$status", conflict.HeadOfficeStatus)
                .With("$department", conflict.HeadOfficeDepartment).With("$note", conflict.HeadOfficeNote).With("$actor", conflict.HeadOfficeActor)
                .With("$changed", UnixTime.ToMilliseconds(conflict.HeadOfficeChangedAt)).With("$reason", conflict.Reason)
                .With("$at", UnixTime.ToMilliseconds(conflict.DetectedAt));
            var added = insert.ExecuteNonQuery() == 1;
            using var cursor = connection.Command("""
                INSERT INTO ticket_pull_cursor (id, last_change_id, updated_at) VALUES (1, $id, $at)
                ON CONFLICT (id) DO UPDATE SET last_change_id = max(last_change_id, excluded.last_change_id), updated_at = excluded.updated_at;
                """, transaction).With("$id", conflict.ChangeId).With("$at", UnixTime.ToMilliseconds(conflict.DetectedAt));
            cursor.ExecuteNonQuery();
            return added;
        });
    }

    /// <summary>The conflicts kept, newest first, optionally of one ticket.</summary>
    public IReadOnlyList<TicketConflictRecord> ListConflicts(string? ticketId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Read("Listing ticket conflicts", connection =>
        {
            using var command = connection.Command("""
                SELECT change_id, ticket_id, based_on_revision, box_revision, box_status, ho_status, ho_department, ho_note,
                       ho_actor, ho_changed_at, reason, detected_at
                FROM ticket_conflicts WHERE ($ticket IS NULL OR ticket_id = $ticket) ORDER BY change_id DESC LIMIT $limit;
                """).With("$ticket", ticketId).With("$limit", limit);
            return command.ReadAll(r => new TicketConflictRecord(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetNullableInt32(3),
                r.GetNullableString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetInstant(9), r.GetString(10),
                r.GetInstant(11)));
        });
    }
}
