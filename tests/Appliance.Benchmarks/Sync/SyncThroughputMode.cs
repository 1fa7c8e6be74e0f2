using System.Diagnostics;
using System.Globalization;
using System.Net;
using Appliance.Benchmarks.Sync.Internal;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Hosting;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.Benchmarks.Sync;

/// <summary>
/// End-to-end sync figures, box to head office over loopback, on a real PostgreSQL:
/// <c>dotnet run -c Release --project tests/Appliance.Benchmarks -- sync-throughput [records] [batchSize] [maxBatchDelaySeconds] [ticketsPerSecond]</c>.
/// Live: tickets are created (flat out, or at ticketsPerSecond) while the pump runs; reports records/s and commit→acknowledged / commit→applied_at latency.
/// Drain: the same number of tickets is queued with head office not yet pushed to, then drained; reports records/s.
/// Report: unary GetKpis calls/s on the box's real report service (see <see cref="ReportUnaryPhase"/>).
/// </summary>
public static class SyncThroughputMode
{
    /// <summary>The first command-line argument that selects this mode.</summary>
    public const string Name = "sync-throughput";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var options = new OutboxPumpOptions
        {
            BatchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : new OutboxPumpOptions().BatchSize,
            MaxBatchDelaySeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : new OutboxPumpOptions().MaxBatchDelaySeconds,
            PollIntervalSeconds = 0.05,
        };
        var rate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sync-throughput: {records} tickets per phase, batch {options.BatchSize}, max batch delay {options.MaxBatchDelaySeconds} s, poll {options.PollIntervalSeconds} s, live pace {(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) + "/s" : "flat out")}, {Environment.ProcessorCount} cores"));

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var connectionString = await postgres.NewDatabaseAsync();
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["HeadOffice:Database:ConnectionString"] = connectionString })
                .Build();
            await using var server = await HeadOfficeServer.StartAsync(
                configuration, new IPEndPoint(IPAddress.Loopback, 0), logging => logging.ClearProviders());
            var registry = server.Services.GetRequiredService<BranchRegistry>();

            await LiveAsync(server.Address, connectionString, await registry.EnrolAsync("bench-live", CancellationToken.None), records, options, rate);
            await DrainAsync(server.Address, await registry.EnrolAsync("bench-drain", CancellationToken.None), records, options);
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        return 0;
    }

    private static async Task LiveAsync(Uri headOffice, string connectionString, BranchEnrolment branch, int records, OutboxPumpOptions options, double rate)
    {
        options.BranchId = branch.BranchId;
        await using var box = new BenchBox(branch.BranchId, branch.Key, headOffice, options);
        var wallStart = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        await box.Pump.StartAsync(CancellationToken.None);
        var committed = await Task.Factory.StartNew(() => box.CreateTickets(records, rate), TaskCreationOptions.LongRunning);
        var written = Stopwatch.GetElapsedTime(start);
        await WaitForAsync(box.Client, records);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await box.Pump.StopAsync(CancellationToken.None);

        var index = Enumerable.Range(0, records).ToDictionary(BenchBox.TicketId);
        var acked = box.Client.FirstAcks
            .Select(a => Stopwatch.GetElapsedTime(committed[index[IdOf(a.Key)]], a.Value).TotalMilliseconds).ToList();
        var applied = await AppliedLatenciesAsync(connectionString, branch.BranchId, committed, start, wallStart, index);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live : {records} tickets written in {written.TotalSeconds:F2} s ({records / written.TotalSeconds:F0}/s on the box), all acknowledged after {elapsed.TotalSeconds:F2} s => {records / elapsed.TotalSeconds:F0} records/s end to end, {box.Client.Pushes} pushes taking {box.Client.PushTime.TotalSeconds:F2} s in all"));
        var later = await CountAsync(connectionString, branch.BranchId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live : check: {box.Client.Acknowledged} distinct keys acknowledged ({box.Client.Repeated} acknowledged again after a resend), {applied.Count} applied_records rows for the branch right after, {later} a moment later"));
        Console.WriteLine("live : commit -> acknowledged at box  " + Percentiles.Describe(acked));
        Console.WriteLine("live : commit -> applied_at (HO clock) " + Percentiles.Describe(applied));
    }

    private static async Task DrainAsync(Uri headOffice, BranchEnrolment branch, int records, OutboxPumpOptions options)
    {
        options.BranchId = branch.BranchId;
        await using var box = new BenchBox(branch.BranchId, branch.Key, headOffice, options);
        var fill = Stopwatch.GetTimestamp();
        box.CreateTickets(records);
        var filled = Stopwatch.GetElapsedTime(fill);
        var start = Stopwatch.GetTimestamp();
        await box.Pump.StartAsync(CancellationToken.None);
        await WaitForAsync(box.Client, records);
        var elapsed = Stopwatch.GetElapsedTime(start);
        while (box.Outbox.GetBacklog().Pending > 0)
        {
            await Task.Delay(1);
        }

        var emptied = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain: {records} tickets queued in {filled.TotalSeconds:F2} s ({records / filled.TotalSeconds:F0}/s on the box), all acknowledged after {elapsed.TotalSeconds:F2} s => {records / elapsed.TotalSeconds:F0} records/s, {box.Client.Pushes} pushes taking {box.Client.PushTime.TotalSeconds:F2} s in all, {box.Client.Repeated} repeated acks; outbox empty after {emptied.TotalSeconds:F2} s => {records / emptied.TotalSeconds:F0} records/s"));
        await box.Pump.StopAsync(CancellationToken.None);
        await ReportUnaryPhase.RunAsync(box.Database, TimeSpan.FromSeconds(5));
    }

    private static async Task WaitForAsync(AckTimingSyncClient client, int records)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 600);
        while (client.Acknowledged < records)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"only {client.Acknowledged} of {records} records were acknowledged within 10 minutes");
            }

            // A benchmark driver polling a counter, not a test waiting for a timer.
            await Task.Delay(2);
        }
    }

    /// <summary>Commit on the box to head office's applied_at stamp (taken at the start of its apply transaction).</summary>
    private static async Task<List<double>> AppliedLatenciesAsync(
        string connectionString, string branchId, long[] committed, long start, DateTimeOffset wallStart, Dictionary<string, int> index)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT idempotency_key, applied_at FROM applied_records WHERE branch_id = $1", connection)
        {
            Parameters = { new() { Value = branchId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var latencies = new List<double>(committed.Length);
        while (await reader.ReadAsync())
        {
            var appliedAt = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
            var commitAt = wallStart + Stopwatch.GetElapsedTime(start, committed[index[IdOf(reader.GetString(0))]]);
            latencies.Add((appliedAt - commitAt).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<long> CountAsync(string connectionString, string branchId)
    {
        await Task.Delay(1000);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM applied_records WHERE branch_id = $1", connection)
        {
            Parameters = { new() { Value = branchId } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The ticket id inside an outbox key "ticket:{id}:r{revision}".</summary>
    private static string IdOf(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..key.LastIndexOf(":r", StringComparison.Ordinal)];
}
