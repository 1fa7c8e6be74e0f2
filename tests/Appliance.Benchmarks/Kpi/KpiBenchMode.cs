using System.Diagnostics;
using System.Globalization;
using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Benchmarks.Kpi;

/// <summary>
/// <c>kpi [calls] [events]</c>: a week's KPI report (per hour and queue, and per day and agent) over that many call
/// summaries spread over the week, then durable event-log writes (batches of 500 in one transaction, WAL, synchronous=FULL).
/// </summary>
public static class KpiBenchMode
{
    public const string Name = "kpi";

    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var directory = Path.Combine(Path.GetTempPath(), "appliance-kpi-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var database = new ApplianceDatabase(Path.Combine(directory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
            database.Migrate();
            Seed(new KpiSummaryRepository(database), calls);
            var reporter = KpiBench.Reporter(database);
            var options = new ReportServiceOptions();
            foreach (var (interval, byQueue, byAgent, label) in new[]
            {
                (TimeSpan.FromHours(1), true, false, "hour x queue"), (TimeSpan.FromDays(1), false, true, "day x agent"),
                (TimeSpan.FromDays(7), false, false, "week total"),
            })
            {
                var times = new List<double>();
                var cpu = new List<double>();
                var rows = 0;
                for (var i = 0; i < 5; i++)
                {
                    // CPU time too: on a shared machine it says what the report costs when wall time is inflated by others.
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    rows = reporter.Report(new KpiReportQuery(Monday, Monday.AddDays(7), interval, byQueue, byAgent, [], []), options).Count;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }

                times.Sort();
                cpu.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"week report over {calls:N0} calls, {label}: {rows} rows, best {times[0]:F0} ms, median {times[2]:F0} ms (CPU best {cpu[0]:F0} ms, median {cpu[2]:F0} ms)"));
            }

            WriteEvents(new EventLogRepository(database), events);
            return 0;
        }
        finally
        {
            SqliteCleanup(directory);
        }
    }

    private static void Seed(KpiSummaryRepository summaries, int calls)
    {
        var random = new Random(42);
        var step = TimeSpan.FromDays(7) / calls;
        for (var start = 0; start < calls; start += 50_000)
        {
            var batch = new List<KpiCallSummary>();
            for (var i = start; i < Math.Min(calls, start + 50_000); i++)
            {
                var answered = random.NextDouble() < 0.9;
                batch.Add(new KpiCallSummary("call-" + i.ToString(CultureInfo.InvariantCulture))
                {
                    BucketAt = Monday + (step * i), Queued = true, Queue = "q" + random.Next(8).ToString(CultureInfo.InvariantCulture),
                    Agent = answered ? "a" + random.Next(30).ToString(CultureInfo.InvariantCulture) : string.Empty,
                    Answered = answered, WaitMs = random.Next(60_000), Abandoned = !answered, AbandonWaitMs = answered ? 0 : random.Next(90_000),
                    Handled = answered, CompletedAt = Monday + (step * i), TalkMs = random.Next(600_000), HoldMs = random.Next(30_000),
                    WrapMs = random.Next(60_000), SurveyScore = random.NextDouble() < 0.2 ? random.Next(1, 6) : null,
                });
            }

            summaries.Commit(new KpiSummaryBatch(batch, [], [], 0), 0);
        }
    }

    private static void WriteEvents(EventLogRepository log, int count)
    {
        const int Batch = 500;
        var at = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        for (var written = 0; written < count; written += Batch)
        {
            var batch = new CallEventRecord[Batch];
            for (var i = 0; i < Batch; i++)
            {
                batch[i] = new CallEventRecord(at, "call-" + (written + i).ToString(CultureInfo.InvariantCulture), "CONNECT", "q1", "a1", """{"holdtime":12}""");
            }

            log.Append(batch);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event log durable writes (batches of {Batch}, synchronous=FULL): {count / watch.Elapsed.TotalSeconds:N0} events/s"));
    }

    private static void SqliteCleanup(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
