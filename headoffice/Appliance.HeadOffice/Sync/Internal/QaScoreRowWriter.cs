using System.Text.Json;
using Appliance.Sync.Contracts.Sync.V1;
using Npgsql;
using NpgsqlTypes;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>Writes newly applied QA scores into qa_scores; a score is given once, so a replay changes nothing.</summary>
internal static class QaScoreRowWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId,
        List<(IncomingRecord Record, QaScoreRecord Message)> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO qa_scores (branch_id, score_id, call_id, agent_id, scorecard, reviewer, total, fatal, answers,
                                   scored_at, idempotency_key)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::boolean[],
                                     $9::jsonb[], $10::timestamptz[], $11::text[])
            ON CONFLICT (branch_id, score_id) DO NOTHING;
            """, connection, transaction);
        command.With(branchId)
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.ScoreId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.CallId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.AgentId))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Scorecard))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Message.Reviewer))
            .With(NpgsqlDbType.Double, rows.Select(r => r.Message.Total))
            .With(NpgsqlDbType.Boolean, rows.Select(r => r.Message.Fatal))
            .With(NpgsqlDbType.Jsonb, rows.Select(r => Answers(r.Message)))
            .With(NpgsqlDbType.TimestampTz, rows.Select(r => r.Message.ScoredAt.ToDateTime()))
            .With(NpgsqlDbType.Text, rows.Select(r => r.Record.Key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Answers(QaScoreRecord score) =>
        JsonSerializer.Serialize(score.Answers.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal));
}
