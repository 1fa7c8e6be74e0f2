using System.Globalization;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Kpi;

/// <summary>
/// The KPI summary tables (migration 8): per-call summaries, agent time per quarter, agents' open states and the event-log
/// cursor they were folded up to. Written only by the KPI summarizer; read by reports.
/// </summary>
public sealed class KpiSummaryRepository(ApplianceDatabase database)
{
    private const string CallColumns =
        "call_id, bucket_at, queued, queue, agent, answered, wait_ms, abandoned, abandon_wait_ms, handled, completed_at, talk_ms, hold_ms, "
        + "wrap_ms, transfers, callback_requested, callback_attempts, callback_kept, survey_score";

    /// <summary>The event-log position folded up to.</summary>
    public long Cursor() => database.Read("Reading the KPI cursor", connection =>
    {
        using var command = connection.Command("SELECT seq FROM kpi_cursor WHERE id = 1;");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>The stored summaries of those calls that have one.</summary>
    public Dictionary<string, KpiCallSummary> LoadCalls(IReadOnlyCollection<string> callIds)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        var found = new Dictionary<string, KpiCallSummary>(StringComparer.Ordinal);
        foreach (var chunk in callIds.Chunk(500))
        {
            database.Read("Reading KPI call summaries", connection =>
            {
                using var command = connection.Command(
                    $"SELECT {CallColumns} FROM kpi_calls WHERE call_id IN (SELECT value FROM json_each($ids));");
                command.With("$ids", System.Text.Json.JsonSerializer.Serialize(chunk));
                foreach (var call in command.ReadAll(KpiSummarySql.MapCall))
                {
                    found[call.CallId] = call;
                }

                return 0;
            });
        }

        return found;
    }

    /// <summary>The agent's call completed last at or before <paramref name="at"/>, if any: the call a wrap-up belongs to.</summary>
    public string? LastCompletedCall(string agent, DateTimeOffset at) => database.Read("Reading an agent's last call", connection =>
    {
        using var command = connection.Command(
            "SELECT call_id FROM kpi_calls WHERE agent = $agent AND completed_at <= $at ORDER BY completed_at DESC LIMIT 1;");
        command.With("$agent", agent).With("$at", UnixTime.ToMilliseconds(at));
        return command.ExecuteScalar() as string;
    });

    /// <summary>Every agent's latest folded state.</summary>
    public IReadOnlyList<KpiAgentState> AgentStates() => database.Read("Reading agents' KPI states", connection =>
    {
        using var command = connection.Command("SELECT agent, status, since FROM kpi_agent_last;");
        return command.ReadAll(r => new KpiAgentState(r.GetString(0), r.GetString(1), r.GetInstant(2)));
    });

    /// <summary>
    /// Stores a folded batch and moves the cursor to <see cref="KpiSummaryBatch.Seq"/>, all in one transaction, if the
    /// cursor is still at <paramref name="expectedSeq"/>.
    /// </summary>
    /// <returns>False, storing nothing, when another summarizer moved the cursor first.</returns>
    public bool Commit(KpiSummaryBatch batch, long expectedSeq)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return database.Write("Storing KPI summaries", (connection, transaction) =>
        {
            using (var moved = connection.Command("UPDATE kpi_cursor SET seq = $seq WHERE id = 1 AND seq = $expected;", transaction))
            {
                if (moved.With("$seq", batch.Seq).With("$expected", expectedSeq).ExecuteNonQuery() != 1)
                {
                    return false;
                }
            }

            // A call's bucket can move (it enters a queue after its first event): both its old and new quarters change.
            var quarters = KpiQuarterSql.QuartersOf(connection, transaction, batch.Calls.Select(call => call.CallId));
            quarters.UnionWith(batch.Calls.Select(call => UnixTime.ToMilliseconds(call.BucketAt) / KpiQuarterSql.QuarterMs * KpiQuarterSql.QuarterMs));
            KpiSummarySql.WriteCalls(connection, transaction, batch.Calls);
            KpiQuarterSql.Recompute(connection, transaction, quarters);
            KpiSummarySql.AddAgentTime(connection, transaction, batch.AgentTime);
            KpiSummarySql.WriteAgentStates(connection, transaction, batch.AgentStates);
            return true;
        });
    }

    /// <summary>
    /// Counts and sums of the calls in the query's range, grouped by interval and (as asked) queue and agent: from the quarter
    /// totals when the query falls on quarters and they were computed with its thresholds, else from every call summary.
    /// </summary>
    public IReadOnlyList<KpiSums> Sum(KpiSumQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return database.Read("Summing KPIs", connection =>
        {
            using var command = KpiQuarterSql.CanAnswer(connection, query)
                ? KpiQuarterSql.SumCommand(connection, query)
                : KpiSummarySql.SumCommand(connection, query);
            return command.ReadAll(r => KpiSummarySql.MapSums(r, query));
        });
    }

    /// <summary>
    /// Makes the quarter totals count with these thresholds: moves the basis and recomputes the quarters computed with
    /// other ones, a day's quarters per transaction so writers of the event log never wait long. Restart-safe: a quarter
    /// left stale by an interruption is found again by its thresholds.
    /// </summary>
    /// <returns>How many quarters were recomputed.</returns>
    public int UseThresholds(long thresholdMs, long shortAbandonMs)
    {
        var basis = database.Read("Reading the KPI quarter basis", connection => KpiQuarterSql.Basis(connection));
        if (basis != (thresholdMs, shortAbandonMs))
        {
            database.Write("Moving the KPI quarter basis", (connection, transaction) =>
            {
                KpiQuarterSql.SetBasis(connection, transaction, thresholdMs, shortAbandonMs);
                return 0;
            });
        }

        var recomputed = 0;
        while (true)
        {
            var stale = database.Read("Finding stale KPI quarters", connection => KpiQuarterSql.StaleQuarters(connection, thresholdMs, shortAbandonMs, 96));
            if (stale.Count == 0)
            {
                return recomputed;
            }

            // Another report moved the basis to other thresholds meanwhile: leave it; reports with ours scan instead.
            var ours = database.Write("Recomputing KPI quarters", (connection, transaction) =>
            {
                if (KpiQuarterSql.Basis(connection, transaction) != (thresholdMs, shortAbandonMs))
                {
                    return false;
                }

                KpiQuarterSql.Recompute(connection, transaction, stale);
                return true;
            });
            if (!ours)
            {
                return recomputed;
            }

            recomputed += stale.Count;
        }
    }

    /// <summary>Agent time of the quarters in [from, to), for the given agents (all when empty).</summary>
    public IReadOnlyList<KpiAgentTime> AgentTime(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        return database.Read("Reading agent time", connection =>
        {
            using var command = connection.Command(
                "SELECT quarter_at, agent, logged_in_ms, busy_ms, available_ms FROM kpi_agent_time WHERE quarter_at >= $from AND quarter_at < $to"
                + (agents.Count > 0 ? " AND agent IN (SELECT value FROM json_each($agents))" : string.Empty) + " ORDER BY quarter_at, agent;");
            command.With("$from", UnixTime.ToMilliseconds(from)).With("$to", UnixTime.ToMilliseconds(to))
                .With("$agents", System.Text.Json.JsonSerializer.Serialize(agents));
            return command.ReadAll(r => new KpiAgentTime(r.GetInstant(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
        });
    }

    /// <summary>
    /// Tickets created in the range from a call, grouped like <see cref="Sum"/> by the call's queue and agent; a ticket is
    /// resolved on first contact when its status is resolved, confirmed or closed and it was last changed within
    /// <paramref name="firstContactWindow"/> of its creation (closed on the call, never worked on afterwards).
    /// </summary>
    public IReadOnlyList<KpiTicketSums> Tickets(KpiSumQuery query, TimeSpan firstContactWindow)
    {
        ArgumentNullException.ThrowIfNull(query);
        return database.Read("Summing tickets for KPIs", connection =>
        {
            using var command = KpiSummarySql.TicketCommand(connection, query, (long)firstContactWindow.TotalMilliseconds);
            return command.ReadAll(r => new KpiTicketSums(
                KpiSummarySql.Start(r.GetInt64(0), query), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)));
        });
    }
}
