using System.Text.Json;
using Appliance.Storage.Kpi;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>The SQL behind <see cref="KpiSummaryRepository"/>, kept apart so the repository reads as its operations.</summary>
internal static class KpiSummarySql
{
    /// <summary>
    /// The sums of <see cref="KpiSums"/> over a group of kpi_calls rows, in its order, with $t (T) and $short (the short-abandon
    /// threshold) bound: shared by the report's scan and the quarter totals so the two can never count differently.
    /// </summary>
    public const string CallAggregates =
        "sum(queued), sum(answered), sum(answered AND wait_ms <= $t), sum(abandoned), sum(abandoned AND abandon_wait_ms < $short), "
        + "sum(abandoned AND abandon_wait_ms > $t), sum(CASE WHEN answered THEN wait_ms ELSE 0 END), "
        + "sum(CASE WHEN abandoned THEN abandon_wait_ms ELSE 0 END), sum(handled), sum(CASE WHEN handled THEN talk_ms ELSE 0 END), "
        + "sum(CASE WHEN handled THEN hold_ms ELSE 0 END), sum(CASE WHEN handled THEN wrap_ms ELSE 0 END), sum(transfers > 0), "
        + "sum(callback_requested), sum(callback_attempts > 0), sum(callback_kept), count(survey_score), coalesce(sum(survey_score), 0)";

    public static KpiCallSummary MapCall(SqliteDataReader r) => new(r.GetString(0))
    {
        BucketAt = r.GetInstant(1),
        Queued = r.GetInt64(2) != 0,
        Queue = r.GetString(3),
        Agent = r.GetString(4),
        Answered = r.GetInt64(5) != 0,
        WaitMs = r.GetInt64(6),
        Abandoned = r.GetInt64(7) != 0,
        AbandonWaitMs = r.GetInt64(8),
        Handled = r.GetInt64(9) != 0,
        CompletedAt = r.GetNullableInstant(10),
        TalkMs = r.GetInt64(11),
        HoldMs = r.GetInt64(12),
        WrapMs = r.GetInt64(13),
        Transfers = r.GetInt32(14),
        CallbackRequested = r.GetInt64(15) != 0,
        CallbackAttempts = r.GetInt32(16),
        CallbackKept = r.GetInt64(17) != 0,
        SurveyScore = r.GetNullableInt32(18),
    };

    public static void WriteCalls(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<KpiCallSummary> calls)
    {
        using var insert = connection.Command(
            "INSERT OR REPLACE INTO kpi_calls VALUES ($id, $bucket, $queued, $queue, $agent, $answered, $wait, $abandoned, $abandonWait, "
            + "$handled, $completed, $talk, $hold, $wrap, $transfers, $cbRequested, $cbAttempts, $cbKept, $survey);", transaction);
        string[] names = ["$id", "$bucket", "$queued", "$queue", "$agent", "$answered", "$wait", "$abandoned", "$abandonWait", "$handled",
            "$completed", "$talk", "$hold", "$wrap", "$transfers", "$cbRequested", "$cbAttempts", "$cbKept", "$survey"];
        var p = names.Select(name => insert.Parameters.Add(name, SqliteType.Integer)).ToArray();
        foreach (var c in calls)
        {
            object?[] values = [c.CallId, UnixTime.ToMilliseconds(c.BucketAt), c.Queued, c.Queue, c.Agent, c.Answered, c.WaitMs, c.Abandoned,
                c.AbandonWaitMs, c.Handled, c.CompletedAt is { } done ? UnixTime.ToMilliseconds(done) : null, c.TalkMs, c.HoldMs, c.WrapMs,
                c.Transfers, c.CallbackRequested, c.CallbackAttempts, c.CallbackKept, c.SurveyScore];
            for (var i = 0; i < values.Length; i++)
            {
                p[i].Value = values[i] switch { null => DBNull.Value, bool b => b ? 1 : 0, var v => v };
            }

            insert.ExecuteNonQuery();
        }
    }

    public static void AddAgentTime(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<KpiAgentTime> time)
    {
        using var upsert = connection.Command(
            "INSERT INTO kpi_agent_time VALUES ($at, $agent, $in, $busy, $available) ON CONFLICT (quarter_at, agent) DO UPDATE SET "
            + "logged_in_ms = logged_in_ms + excluded.logged_in_ms, busy_ms = busy_ms + excluded.busy_ms, "
            + "available_ms = available_ms + excluded.available_ms;", transaction);
        foreach (var t in time)
        {
            upsert.Parameters.Clear();
            upsert.With("$at", UnixTime.ToMilliseconds(t.QuarterAt)).With("$agent", t.Agent).With("$in", t.LoggedInMs)
                .With("$busy", t.BusyMs).With("$available", t.AvailableMs).ExecuteNonQuery();
        }
    }

    public static void WriteAgentStates(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<KpiAgentState> states)
    {
        using var upsert = connection.Command("INSERT OR REPLACE INTO kpi_agent_last VALUES ($agent, $status, $since);", transaction);
        foreach (var s in states)
        {
            upsert.Parameters.Clear();
            upsert.With("$agent", s.Agent).With("$status", s.Status).With("$since", UnixTime.ToMilliseconds(s.Since)).ExecuteNonQuery();
        }
    }

    public static SqliteCommand SumCommand(SqliteConnection connection, KpiSumQuery q)
    {
        // Integer division counts whole intervals from the anchor; every stored instant is after it.
        var command = connection.Command(
            "SELECT (bucket_at - $anchor) / $len, " + Keys(q) + ", " + CallAggregates + " "
            + "FROM kpi_calls WHERE bucket_at >= $from AND bucket_at < $to" + Filters(q, "queue", "agent")
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;");
        Bind(command, q).With("$t", q.ThresholdMs).With("$short", q.ShortAbandonMs);
        return command;
    }

    public static KpiSums MapSums(SqliteDataReader r, KpiSumQuery q) => new(Start(r.GetInt64(0), q), r.GetString(1), r.GetString(2))
    {
        Offered = r.GetInt64(3), Answered = r.GetInt64(4), AnsweredWithinThreshold = r.GetInt64(5), Abandoned = r.GetInt64(6),
        ShortAbandoned = r.GetInt64(7), AbandonedAfterThreshold = r.GetInt64(8), AnsweredWaitMs = r.GetInt64(9), AbandonWaitMs = r.GetInt64(10),
        Handled = r.GetInt64(11), TalkMs = r.GetInt64(12), HoldMs = r.GetInt64(13), WrapMs = r.GetInt64(14), Transferred = r.GetInt64(15),
        CallbacksRequested = r.GetInt64(16), CallbacksMade = r.GetInt64(17), CallbacksKept = r.GetInt64(18), SurveyResponses = r.GetInt64(19),
        SurveyScoreTotal = r.GetInt64(20),
    };

    public static SqliteCommand TicketCommand(SqliteConnection connection, KpiSumQuery q, long windowMs)
    {
        var command = connection.Command(
            "SELECT (t.created_at - $anchor) / $len, " + Keys(q, "k.") + ", count(*), "
            + "sum(t.status IN ('resolved', 'confirmed', 'closed') AND t.updated_at - t.created_at <= $window) "
            + "FROM tickets t JOIN kpi_calls k ON k.call_id = t.call_id WHERE t.created_at >= $from AND t.created_at < $to"
            + Filters(q, "k.queue", "k.agent") + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;");
        Bind(command, q).With("$window", windowMs);
        return command;
    }

    public static DateTimeOffset Start(long index, KpiSumQuery q) => q.Anchor + (q.Interval * index);

    public static string Keys(KpiSumQuery q, string prefix = "") =>
        (q.ByQueue ? prefix + "queue" : "''") + ", " + (q.ByAgent ? prefix + "agent" : "''");

    public static string Filters(KpiSumQuery q, string queue, string agent) =>
        (q.Queues.Count > 0 ? $" AND {queue} IN (SELECT value FROM json_each($queues))" : string.Empty)
        + (q.Agents.Count > 0 ? $" AND {agent} IN (SELECT value FROM json_each($agents))" : string.Empty);

    public static SqliteCommand Bind(SqliteCommand command, KpiSumQuery q) =>
        command.With("$anchor", UnixTime.ToMilliseconds(q.Anchor)).With("$len", (long)q.Interval.TotalMilliseconds)
            .With("$from", UnixTime.ToMilliseconds(q.From)).With("$to", UnixTime.ToMilliseconds(q.To))
            .With("$queues", JsonSerializer.Serialize(q.Queues)).With("$agents", JsonSerializer.Serialize(q.Agents));
}
