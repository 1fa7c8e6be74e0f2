using System.Diagnostics;
using System.Globalization;
using Appliance.Benchmarks.Recordings.Internal;
using Appliance.Core.Recording;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Benchmarks.Recordings;

/// <summary>
/// Purges N expired recordings (files and rows, default 100,000) while the real media clock runs, and reports the worst
/// tick lateness: <c>dotnet run -c Release --project tests/Appliance.Benchmarks -- recording-purge [count] [batchSize]</c>.
/// </summary>
public static class RecordingPurgeMode
{
    /// <summary>The first command-line argument that selects this mode.</summary>
    public const string Name = "recording-purge";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var options = new RecordingOptions { DefaultRetentionDays = 30 };
        options.PurgeBatchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : options.PurgeBatchSize;
        var folder = Directory.CreateTempSubdirectory("recording-purge-").FullName;
        try
        {
            using var database = new ApplianceDatabase(Path.Combine(folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
            database.Migrate();
            var setup = Stopwatch.StartNew();
            Seed(database, Path.Combine(folder, "recordings"), count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recording-purge: {count} expired recordings seeded in {setup.Elapsed.TotalSeconds:F1} s, batch {options.PurgeBatchSize}, {Environment.ProcessorCount} cores"));

            using var clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
            var probe = new TickLatenessProbe();
            clock.Register(probe);
            clock.Start();
            await Task.Delay(TimeSpan.FromSeconds(2)); // a baseline of ticks before the purge starts
            var before = probe.Window;
            probe.Reset(); // the purge's own figures apart from the start-up's (JIT, the seeding's garbage)
            var purge = new RecordingPurge(new RecordingComplianceRepository(database), new NoQueuesDirectory(),
                Options.Create(options), TimeProvider.System, NullLogger<RecordingPurge>.Instance);
            var timer = Stopwatch.StartNew();
            var purged = await Task.Run(() => purge.PurgeExpiredAsync(CancellationToken.None));
            timer.Stop();
            var during = probe.Window;
            var (baseline, baselineOver) = probe.Measure(before.From, before.To, 5);
            var (worst, over) = probe.Measure(during.From, during.To, 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"purged {purged} in {timer.Elapsed.TotalSeconds:F1} s ({purged / timer.Elapsed.TotalSeconds:F0}/s); media ticks {during.To - during.From}, worst lateness {worst:F2} ms, ticks over 5 ms late: {over} (before the purge: {before.To - before.From} ticks, worst {baseline:F2} ms, {baselineOver} over 5 ms); load average {LoadAverage()}"));
            return purged == count && over == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The machine is shared: the figures mean little without its load (Linux; "?" elsewhere).
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void Seed(ApplianceDatabase database, string root, int count)
    {
        var day = Path.Combine(root, "2020", "01", "01");
        Directory.CreateDirectory(day);
        var started = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) VALUES ($id, $id, $path, $at, 1000, 2, 8000, 44);";
        var id = insert.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var path = insert.Parameters.Add("$path", Microsoft.Data.Sqlite.SqliteType.Text);
        var at = insert.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
        for (var i = 0; i < count; i++)
        {
            id.Value = string.Create(CultureInfo.InvariantCulture, $"call-{i:D6}");
            path.Value = Path.Combine(day, (string)id.Value + ".wav");
            at.Value = started + i;
            File.WriteAllBytes((string)path.Value, new byte[44]);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
