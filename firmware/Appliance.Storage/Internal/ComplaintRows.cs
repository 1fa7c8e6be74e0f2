using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>The SQL of complaint tickets: the ticket row joined with its complaint details.</summary>
internal static class ComplaintRows
{
    public const string Select = """
        SELECT t.id, t.branch, t.type, t.status, t.masked_account, t.notes, t.call_id, t.created_at, t.updated_at, t.revision,
               d.sub_category, d.customer_number, d.customer_name, d.channel, d.department, d.deadline_at, d.escalation_level,
               d.repeat_of, d.satisfaction, d.callback_due_at
        FROM tickets t JOIN complaint_details d ON d.ticket_id = t.id
        """;

    public static ComplaintTicketRecord Map(SqliteDataReader r) =>
        new(new TicketRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4),
                Notes: r.GetString(5), CallId: r.GetNullableString(6), CreatedAt: r.GetInstant(7), UpdatedAt: r.GetInstant(8),
                Revision: r.GetInt32(9)),
            r.GetString(10), r.GetString(11), r.GetString(12), r.GetString(13), r.GetNullableString(14),
            r.GetNullableInstant(15), r.GetInt32(16), r.GetNullableString(17), r.GetNullableInt32(18), r.GetNullableInstant(19));

    public static void WriteTicket(SqliteConnection connection, SqliteTransaction transaction, TicketRecord t, bool insert)
    {
        using var command = connection.Command(insert
            ? """
              INSERT INTO tickets (id, branch, type, status, masked_account, notes, call_id, created_at, updated_at, revision)
              VALUES ($id, $branch, $type, $status, $account, $notes, $call, $created, $updated, $revision);
              """
            : """
              UPDATE tickets SET type = $type, status = $status, masked_account = $account, notes = $notes, call_id = $call,
                  updated_at = $updated, revision = $revision
              WHERE id = $id;
              """,
            transaction);
        command.With("$id", t.Id).With("$branch", t.Branch).With("$type", t.Type).With("$status", t.Status)
            .With("$account", t.MaskedAccount).With("$notes", t.Notes).With("$call", t.CallId)
            .With("$created", UnixTime.ToMilliseconds(t.CreatedAt)).With("$updated", UnixTime.ToMilliseconds(t.UpdatedAt))
            .With("$revision", t.Revision);
        command.ExecuteNonQuery();
    }

    public static void WriteDetails(SqliteConnection connection, SqliteTransaction transaction, ComplaintTicketRecord c)
    {
        using var command = connection.Command(
            """
            INSERT INTO complaint_details (ticket_id, sub_category, customer_number, customer_name, channel, department,
                deadline_at, escalation_level, repeat_of, satisfaction, callback_due_at)
            VALUES ($id, $sub, $number, $name, $channel, $department, $deadline, $level, $repeat, $score, $callback)
            ON CONFLICT (ticket_id) DO UPDATE SET sub_category = excluded.sub_category, customer_number = excluded.customer_number,
                customer_name = excluded.customer_name, channel = excluded.channel, department = excluded.department,
                deadline_at = excluded.deadline_at, escalation_level = excluded.escalation_level, repeat_of = excluded.repeat_of,
                satisfaction = excluded.satisfaction, callback_due_at = excluded.callback_due_at;
            """,
            transaction);
        command.With("$id", c.Id).With("$sub", c.SubCategory).With("$number", c.CustomerNumber).With("$name", c.CustomerName)
            .With("$channel", c.Channel).With("$department", c.Department)
            .With("$deadline", c.DeadlineAt is { } d ? UnixTime.ToMilliseconds(d) : null).With("$level", c.EscalationLevel)
            .With("$repeat", c.RepeatOf).With("$score", c.Satisfaction)
            .With("$callback", c.CallbackDueAt is { } b ? UnixTime.ToMilliseconds(b) : null);
        command.ExecuteNonQuery();
    }

    public static void WriteHistory(SqliteConnection connection, SqliteTransaction transaction, TicketHistoryEntry entry)
    {
        using var command = connection.Command(
            "INSERT INTO ticket_history (ticket_id, revision, at, actor, change) VALUES ($id, $revision, $at, $actor, $change);",
            transaction);
        command.With("$id", entry.TicketId).With("$revision", entry.Revision).With("$at", UnixTime.ToMilliseconds(entry.At))
            .With("$actor", entry.Actor).With("$change", entry.Change);
        command.ExecuteNonQuery();
    }

    // The history says "<from> -> reopened" for every reopening (ComplaintRules), so it is counted, not stored twice.
    public static int ReopenCount(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.Command(
            "SELECT count(*) FROM ticket_history WHERE ticket_id = $id AND change LIKE '% -> reopened';", transaction).With("$id", id);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Validate(ComplaintTicketRecord c, string subject)
    {
        var t = c.Ticket;
        BusinessRecordRules.Common(t.Id, t.Branch, t.Type, t.Status, t.MaskedAccount, t.Notes, t.CallId, subject);
        if (t.Amount is not null)
        {
            throw RecordRules.Invalid(subject, "a complaint ticket carries no amount");
        }

        RecordRules.Text(c.SubCategory, subject, "sub-category", 64, required: false);
        RecordRules.Text(c.CustomerNumber, subject, "customer number", 32);
        RecordRules.Text(c.CustomerName, subject, "customer name", 128, required: false);
        RecordRules.Identifier(c.Channel, subject, "channel");
        if (c.Department is not null)
        {
            RecordRules.Identifier(c.Department, subject, "department");
        }

        RecordRules.Range(c.EscalationLevel, 0, 1000, subject, "escalation level");
        if (c.Satisfaction is { } score)
        {
            RecordRules.Range(score, 1, 5, subject, "satisfaction");
        }
    }
}
