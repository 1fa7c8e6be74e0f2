using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>
/// Writes newly applied records into the tickets, transactions and call-summary tables. Tickets and transactions keep
/// the state of the highest outbox sequence seen, so versions arriving out of order never roll a ticket back.
/// </summary>
internal static class DomainRowWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId, IReadOnlyList<IncomingRecord> fresh,
        CancellationToken cancellationToken)
    {
        var tickets = Latest<TicketRecord>(fresh, t => t.TicketId);
        if (tickets.Count > 0)
        {
            await WriteTicketsAsync(connection, transaction, branchId, tickets, cancellationToken);
        }

        var transactions = Latest<TransactionRecord>(fresh, t => t.TransactionId);
        if (transactions.Count > 0)
        {
            await WriteTransactionsAsync(connection, transaction, branchId, transactions, cancellationToken);
        }

        var calls = Latest<CallSummaryRecord>(fresh, c => c.CallId);
        if (calls.Count > 0)
        {
            await WriteCallsAsync(connection, transaction, branchId, calls, cancellationToken);
        }

        var scores = Latest<QaScoreRecord>(fresh, s => s.ScoreId);
        if (scores.Count > 0)
        {
            await QaScoreRowWriter.WriteAsync(connection, transaction, branchId, scores, cancellationToken);
        }
    }

    /// <summary>
    /// One row per entity id (an upsert may touch a row only once per statement), the highest sequence winning,
    /// sorted by id so concurrent batches lock rows in the same order.
    /// </summary>
    private static List<(IncomingRecord Record, T Message)> Latest<T>(IReadOnlyList<IncomingRecord> records, Func<T, string> id)
        where T : class =>
        records.Where(r => r.Message is T)
            .Select(r => (Record: r, Message: (T)r.Message))
            .GroupBy(x => id(x.Message), StringComparer.Ordinal)
            .Select(g => g.MaxBy(x => x.Record.Sequence))
            .OrderBy(x => id(x.Message), StringComparer.Ordinal)
            .ToList();

    private static DateTime? Time(Timestamp? value) => value?.ToDateTime();

    private static async Task WriteTicketsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId,
        List<(IncomingRecord Record, TicketRecord Message)> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO tickets (branch_id, ticket_id, category, status, masked_account, call_id, agent_id,
                                 opened_at, updated_at, due_at, closed_at, notes, source_sequence, idempotency_key,
                                 sub_category, customer_name_masked, customer_number_masked, channel, department,
                                 escalation_level, revision, repeat_of, satisfaction, reopen_count, callback_due_at)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                     $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
                                     $12::text[], $13::bigint[], $14::text[],
                                     $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
                                     $20::integer[], $21::integer[], $22::text[], $23::integer[], $24::integer[], $25::timestamptz[])
            ON CONFLICT (branch_id, ticket_id) DO UPDATE SET
                category = EXCLUDED.category, status = EXCLUDED.status, masked_account = EXCLUDED.masked_account,
                call_id = EXCLUDED.call_id, agent_id = EXCLUDED.agent_id, opened_at = EXCLUDED.opened_at,
                updated_at = EXCLUDED.updated_at, due_at = EXCLUDED.due_at, closed_at = EXCLUDED.closed_at,
                notes = EXCLUDED.notes, source_sequence = EXCLUDED.source_sequence, idempotency_key = EXCLUDED.idempotency_key,
                sub_category = EXCLUDED.sub_category, customer_name_masked = EXCLUDED.customer_name_masked,
                customer_number_masked = EXCLUDED.customer_number_masked, channel = EXCLUDED.channel,
                department = EXCLUDED.department, escalation_level = EXCLUDED.escalation_level, revision = EXCLUDED.revision,
                repeat_of = EXCLUDED.repeat_of, satisfaction = EXCLUDED.satisfaction, reopen_count = EXCLUDED.reopen_count,
                callback_due_at = EXCLUDED.callback_due_at
            WHERE tickets.source_sequence < EXCLUDED.source_sequence;
            """, connection, transaction);
        command.With(branchId)
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.TicketId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Category))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Status))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.MaskedAccount))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CallId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.AgentId))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.OpenedAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.UpdatedAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.DueAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.ClosedAt)))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Notes))
            .With(NpgsqlDbType.Bigint, rows.Select(r => r.Record.Sequence))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Record.Key))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.SubCategory))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CustomerNameMasked))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CustomerNumberMasked))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Channel))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Department))
            .With(NpgsqlDbType.Integer, rows.Select(r => r.Message.EscalationLevel))
            .With(NpgsqlDbType.Integer, rows.Select(r => r.Message.Revision))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.RepeatOf))
            .With(NpgsqlDbType.Integer, rows.Select(r => r.Message.Satisfaction))
            .With(NpgsqlDbType.Integer, rows.Select(r => r.Message.ReopenCount))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.CallbackDueAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteTransactionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId,
        List<(IncomingRecord Record, TransactionRecord Message)> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO transactions (branch_id, transaction_id, type, status, masked_account, amount_minor_units, currency,
                                      call_id, started_at, completed_at, notes, source_sequence, idempotency_key)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[],
                                     $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::bigint[], $13::text[])
            ON CONFLICT (branch_id, transaction_id) DO UPDATE SET
                type = EXCLUDED.type, status = EXCLUDED.status, masked_account = EXCLUDED.masked_account,
                amount_minor_units = EXCLUDED.amount_minor_units, currency = EXCLUDED.currency, call_id = EXCLUDED.call_id,
                started_at = EXCLUDED.started_at, completed_at = EXCLUDED.completed_at, notes = EXCLUDED.notes,
                source_sequence = EXCLUDED.source_sequence, idempotency_key = EXCLUDED.idempotency_key
            WHERE transactions.source_sequence < EXCLUDED.source_sequence;
            """, connection, transaction);
        command.With(branchId)
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.TransactionId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Type))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Status))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.MaskedAccount))
            .With(NpgsqlDbType.Bigint, rows.Select(r => r.Message.AmountMinorUnits))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Currency))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CallId))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.StartedAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.CompletedAt)))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Notes))
            .With(NpgsqlDbType.Bigint, rows.Select(r => r.Record.Sequence))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Record.Key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteCallsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId,
        List<(IncomingRecord Record, CallSummaryRecord Message)> rows, CancellationToken cancellationToken)
    {
        // A call ends once; a second summary of the same call (a replay under a new key) changes nothing.
        await using var command = new NpgsqlCommand("""
            INSERT INTO call_summaries (branch_id, call_id, caller_number, line_id, queue_id, agent_id,
                                        started_at, answered_at, ended_at, disposition, recording_id, idempotency_key, survey_score)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::text[],
                                     $13::smallint[])
            ON CONFLICT (branch_id, call_id) DO NOTHING;
            """, connection, transaction);
        command.With(branchId)
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CallId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CallerNumber))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.LineId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.QueueId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.AgentId))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.StartedAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.AnsweredAt)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => Time(r.Message.EndedAt)))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Disposition))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.RecordingId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Record.Key))
            .With(NpgsqlDbType.Smallint, rows.Select(r => r.Message.SurveyScore == 0 ? (short?)null : (short)r.Message.SurveyScore));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
