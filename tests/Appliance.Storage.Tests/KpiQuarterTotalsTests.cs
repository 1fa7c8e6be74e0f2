using Appliance.Storage.Kpi;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>
/// The quarter totals must give exactly what summing every call summary gives, whatever order summaries arrive in, when a
/// call moves to another quarter, and after the thresholds change. Expected sums are computed here with LINQ.
/// </summary>
public sealed class KpiQuarterTotalsTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _files = new();
    private readonly ApplianceDatabase _database;
    private readonly KpiSummaryRepository _summaries;
    private readonly Dictionary<string, KpiCallSummary> _latest = new(StringComparer.Ordinal);
    private long _seq;

    public KpiQuarterTotalsTests()
    {
        _database = _files.CreateMigrated();
        _summaries = new KpiSummaryRepository(_database);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Sums_from_quarter_totals_equal_the_sums_of_the_calls_across_batches_and_moved_buckets()
    {
        var random = new Random(7);
        Commit(Enumerable.Range(0, 400).Select(i => Call(random, i, Monday.AddMinutes(random.Next(0, 2 * 24 * 60)))));
        // Later batches replace summaries: some calls get answered, some move to another quarter (entered a queue later).
        Commit(Enumerable.Range(0, 120).Select(i => Call(random, i * 3, Monday.AddMinutes(random.Next(0, 2 * 24 * 60)))));

        var query = Query(TimeSpan.FromHours(1), 20_000, 5_000);

        Assert.True(QuarterRows() > 0);
        AssertSums(Expected(query), _summaries.Sum(query));
    }

    [Fact]
    public void After_the_thresholds_change_the_quarters_are_recomputed_and_still_match()
    {
        var random = new Random(11);
        Commit(Enumerable.Range(0, 300).Select(i => Call(random, i, Monday.AddMinutes(random.Next(0, 24 * 60)))));
        var query = Query(TimeSpan.FromMinutes(15), 30_000, 0);

        // Before the move the quarters hold other thresholds: the sum scans the calls and is already right.
        AssertSums(Expected(query), _summaries.Sum(query));
        Assert.True(_summaries.UseThresholds(30_000, 0) > 0);
        Assert.Equal(0, _summaries.UseThresholds(30_000, 0));

        Assert.Equal(QuarterRows(), QuarterRows(30_000, 0));
        AssertSums(Expected(query), _summaries.Sum(query));
        // New calls after the move are summed with the new thresholds too.
        Commit(Enumerable.Range(300, 50).Select(i => Call(random, i, Monday.AddMinutes(random.Next(0, 24 * 60)))));
        AssertSums(Expected(query), _summaries.Sum(query));
    }

    [Fact]
    public void A_range_off_the_quarter_boundaries_is_summed_from_the_calls()
    {
        var random = new Random(3);
        Commit(Enumerable.Range(0, 200).Select(i => Call(random, i, Monday.AddMinutes(random.Next(0, 24 * 60)))));
        var query = Query(TimeSpan.FromHours(1), 20_000, 5_000) with { From = Monday.AddMinutes(7), To = Monday.AddHours(20).AddSeconds(1) };

        AssertSums(Expected(query), _summaries.Sum(query));
    }

    [Fact]
    public void A_report_on_quarter_boundaries_reads_the_quarter_totals_not_the_calls()
    {
        var random = new Random(5);
        Commit(Enumerable.Range(0, 100).Select(i => Call(random, i, Monday.AddMinutes(random.Next(0, 24 * 60)))));
        var aligned = Query(TimeSpan.FromDays(1), 20_000, 5_000) with { ByQueue = false, ByAgent = false };
        var before = _summaries.Sum(aligned).Single().Offered;

        // Changed behind the repository's back: only a scan of kpi_calls can see it.
        using (var connection = _files.OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO kpi_calls (call_id, bucket_at, queued) VALUES ('extra', $at, 1);";
            command.Parameters.AddWithValue("$at", Monday.AddHours(1).ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }

        Assert.Equal(before, _summaries.Sum(aligned).Single().Offered);
        Assert.Equal(before + 1, _summaries.Sum(aligned with { To = Monday.AddDays(7).AddMilliseconds(-1) }).Single().Offered);
    }

    private static KpiSumQuery Query(TimeSpan interval, long thresholdMs, long shortMs) =>
        new(Monday, Monday.AddDays(7), Monday, interval, ByQueue: true, ByAgent: true, [], [], thresholdMs, shortMs);

    private static KpiCallSummary Call(Random random, int i, DateTimeOffset bucket)
    {
        var answered = random.Next(3) > 0;
        return new KpiCallSummary("c" + i)
        {
            BucketAt = bucket, Queued = random.Next(10) > 0, Queue = "q" + random.Next(3), Agent = answered ? "a" + random.Next(4) : string.Empty,
            Answered = answered, WaitMs = random.Next(60_000), Abandoned = !answered, AbandonWaitMs = answered ? 0 : random.Next(40_000),
            Handled = answered, TalkMs = random.Next(300_000), HoldMs = random.Next(9_000), WrapMs = random.Next(30_000),
            Transfers = random.Next(5) == 0 ? 1 : 0, CallbackRequested = random.Next(8) == 0, CallbackAttempts = random.Next(3),
            CallbackKept = random.Next(9) == 0, SurveyScore = random.Next(4) == 0 ? random.Next(1, 6) : null,
        };
    }

    private void Commit(IEnumerable<KpiCallSummary> calls)
    {
        var batch = calls.ToList();
        Assert.True(_summaries.Commit(new KpiSummaryBatch(batch, [], [], _seq + 1), _seq));
        _seq++;
        foreach (var call in batch)
        {
            _latest[call.CallId] = call;
        }
    }

    private List<KpiSums> Expected(KpiSumQuery q) =>
        _latest.Values.Where(c => c.BucketAt >= q.From && c.BucketAt < q.To)
            .GroupBy(c => (Index: (long)((c.BucketAt - q.Anchor) / q.Interval), c.Queue, c.Agent))
            .OrderBy(g => g.Key.Index).ThenBy(g => g.Key.Queue, StringComparer.Ordinal).ThenBy(g => g.Key.Agent, StringComparer.Ordinal)
            .Select(g => new KpiSums(q.Anchor + (q.Interval * g.Key.Index), g.Key.Queue, g.Key.Agent)
            {
                Offered = g.Count(c => c.Queued), Answered = g.Count(c => c.Answered),
                AnsweredWithinThreshold = g.Count(c => c.Answered && c.WaitMs <= q.ThresholdMs), Abandoned = g.Count(c => c.Abandoned),
                ShortAbandoned = g.Count(c => c.Abandoned && c.AbandonWaitMs < q.ShortAbandonMs),
                AbandonedAfterThreshold = g.Count(c => c.Abandoned && c.AbandonWaitMs > q.ThresholdMs),
                AnsweredWaitMs = g.Where(c => c.Answered).Sum(c => c.WaitMs), AbandonWaitMs = g.Where(c => c.Abandoned).Sum(c => c.AbandonWaitMs),
                Handled = g.Count(c => c.Handled), TalkMs = g.Where(c => c.Handled).Sum(c => c.TalkMs),
                HoldMs = g.Where(c => c.Handled).Sum(c => c.HoldMs), WrapMs = g.Where(c => c.Handled).Sum(c => c.WrapMs),
                Transferred = g.Count(c => c.Transfers > 0), CallbacksRequested = g.Count(c => c.CallbackRequested),
                CallbacksMade = g.Count(c => c.CallbackAttempts > 0), CallbacksKept = g.Count(c => c.CallbackKept),
                SurveyResponses = g.Count(c => c.SurveyScore is not null), SurveyScoreTotal = g.Sum(c => c.SurveyScore ?? 0),
            }).ToList();

    private static void AssertSums(List<KpiSums> expected, IReadOnlyList<KpiSums> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private long QuarterRows(long? thresholdMs = null, long? shortMs = null)
    {
        using var connection = _files.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM kpi_quarters" + (thresholdMs is null ? ";" : " WHERE threshold_ms = $t AND short_ms = $s;");
        command.Parameters.AddWithValue("$t", thresholdMs ?? 0);
        command.Parameters.AddWithValue("$s", shortMs ?? 0);
        return (long)command.ExecuteScalar()!;
    }
}
