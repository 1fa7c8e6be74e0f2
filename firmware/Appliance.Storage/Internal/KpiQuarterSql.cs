using System.Text.Json;
using Appliance.Storage.Kpi;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>
/// The KPI quarter totals (migration 12): one row per 15-minute quarter, queue and agent with the sums of that group of
/// kpi_calls rows, recomputed from kpi_calls whenever a call in the quarter changes. Recomputing instead of adding
/// deltas keeps the totals exactly what a scan would give, whatever order the summaries arrive in.
/// </summary>
internal static class KpiQuarterSql
{
    public const long QuarterMs = 15 * 60 * 1000;

    /// <summary>The quarters the given calls count in now (before a change overwrites them).</summary>
    public static HashSet<long> QuartersOf(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> callIds)
    {
        var quarters = new HashSet<long>();
        foreach (var chunk in callIds.Chunk(500))
        {
            using var command = connection.Command(
                "SELECT DISTINCT (bucket_at / $q) * $q FROM kpi_calls WHERE call_id IN (SELECT value FROM json_each($ids));", transaction);
            command.With("$q", QuarterMs).With("$ids", JsonSerializer.Serialize(chunk));
            quarters.UnionWith(command.ReadAll(r => r.GetInt64(0)));
        }

        return quarters;
    }

    public static (long ThresholdMs, long ShortMs) Basis(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command("SELECT threshold_ms, short_ms FROM kpi_quarter_basis WHERE id = 1;", transaction);
        return command.ReadAll(r => (r.GetInt64(0), r.GetInt64(1))).Single();
    }

    public static void SetBasis(SqliteConnection connection, SqliteTransaction transaction, long thresholdMs, long shortMs)
    {
        using var command = connection.Command("UPDATE kpi_quarter_basis SET threshold_ms = $t, short_ms = $short WHERE id = 1;", transaction);
        command.With("$t", thresholdMs).With("$short", shortMs).ExecuteNonQuery();
    }

    /// <summary>Quarters whose rows were computed with other thresholds than the basis, oldest first.</summary>
    public static List<long> StaleQuarters(SqliteConnection connection, long thresholdMs, long shortMs, int limit)
    {
        using var command = connection.Command(
            "SELECT DISTINCT quarter_at FROM kpi_quarters WHERE threshold_ms != $t OR short_ms != $short ORDER BY quarter_at LIMIT $limit;");
        return command.With("$t", thresholdMs).With("$short", shortMs).With("$limit", limit).ReadAll(r => r.GetInt64(0));
    }

    /// <summary>Replaces the rows of each quarter with the sums of its calls, with the basis thresholds.</summary>
    public static void Recompute(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<long> quarters)
    {
        var (thresholdMs, shortMs) = Basis(connection, transaction);
        using var delete = connection.Command("DELETE FROM kpi_quarters WHERE quarter_at = $at;", transaction);
        using var insert = connection.Command(
            "INSERT INTO kpi_quarters SELECT $at, queue, agent, $t, $short, " + KpiSummarySql.CallAggregates
            + " FROM kpi_calls WHERE bucket_at >= $at AND bucket_at < $at + $q GROUP BY queue, agent;", transaction);
        var deleteAt = delete.Parameters.Add("$at", SqliteType.Integer);
        var insertAt = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.With("$t", thresholdMs).With("$short", shortMs).With("$q", QuarterMs);
        foreach (var quarter in quarters)
        {
            deleteAt.Value = quarter;
            insertAt.Value = quarter;
            delete.ExecuteNonQuery();
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// True when the query can be answered from the quarter totals: its range, anchor and interval fall on quarter
    /// boundaries, and every quarter row in the range was computed with the query's thresholds.
    /// </summary>
    public static bool CanAnswer(SqliteConnection connection, KpiSumQuery q)
    {
        var from = UnixTime.ToMilliseconds(q.From);
        var to = UnixTime.ToMilliseconds(q.To);
        var anchor = UnixTime.ToMilliseconds(q.Anchor);
        var length = (long)q.Interval.TotalMilliseconds;
        if (from % QuarterMs != 0 || to % QuarterMs != 0 || anchor % QuarterMs != 0 || length % QuarterMs != 0)
        {
            return false;
        }

        using var stale = connection.Command(
            "SELECT EXISTS (SELECT 1 FROM kpi_quarters WHERE quarter_at >= $from AND quarter_at < $to "
            + "AND (threshold_ms != $t OR short_ms != $short));");
        return Convert.ToInt64(stale.With("$from", from).With("$to", to).With("$t", q.ThresholdMs).With("$short", q.ShortAbandonMs)
            .ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>The same groups and columns as <see cref="KpiSummarySql.SumCommand"/>, summed over quarter totals.</summary>
    public static SqliteCommand SumCommand(SqliteConnection connection, KpiSumQuery q)
    {
        var command = connection.Command(
            "SELECT (quarter_at - $anchor) / $len, " + KpiSummarySql.Keys(q) + ", sum(offered), sum(answered), sum(answered_within), "
            + "sum(abandoned), sum(short_abandoned), sum(abandoned_after), sum(answered_wait_ms), sum(abandon_wait_ms), sum(handled), "
            + "sum(talk_ms), sum(hold_ms), sum(wrap_ms), sum(transferred), sum(callbacks_requested), sum(callbacks_made), "
            + "sum(callbacks_kept), sum(survey_responses), sum(survey_total) "
            + "FROM kpi_quarters WHERE quarter_at >= $from AND quarter_at < $to" + KpiSummarySql.Filters(q, "queue", "agent")
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;");
        return KpiSummarySql.Bind(command, q);
    }
}
