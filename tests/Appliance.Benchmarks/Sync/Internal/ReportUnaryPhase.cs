using System.Diagnostics;
using System.Globalization;
using System.Net;
using Appliance.Storage;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Reporting;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Benchmarks.Sync.Internal;

/// <summary>
/// Unary GetKpis calls per second against the box's real report service (ReportServer + head-office key check +
/// BranchReportService reading the box's SQLite event log), over loopback cleartext HTTP/2.
/// </summary>
internal static class ReportUnaryPhase
{
    private const string HeadOfficeKey = "syncbench-headoffice-key-0123456789";

    public static async Task RunAsync(ApplianceDatabase database, TimeSpan duration)
    {
        var service = new BranchReportService(
            new EventLogRepository(database), new CallRecordRepository(database),
            Options.Create(new ReportServiceOptions { Enabled = true, HeadOfficeKey = HeadOfficeKey }), TimeProvider.System,
            NullLogger<BranchReportService>.Instance);
        await using var server = await ReportServer.StartAsync(
            service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(HeadOfficeKey), TimeProvider.System,
            NullLoggerFactory.Instance);
        using var client = new GrpcClient(server.Address);
        var headers = new GrpcMetadata();
        headers.Add(HeadOfficeKeyAuthorizer.HeaderName, HeadOfficeKey);
        var to = DateTimeOffset.UtcNow;
        var request = new GetKpisRequest
        {
            From = Timestamp.FromDateTimeOffset(to.AddDays(-1)), To = Timestamp.FromDateTimeOffset(to), Interval = KpiInterval.Hour,
        };
        var options = new GrpcCallOptions { Headers = headers };

        foreach (var concurrency in (int[])[1, 16])
        {
            await CallsAsync(client, request, options, concurrency, TimeSpan.FromSeconds(1)); // warm-up
            var calls = await CallsAsync(client, request, options, concurrency, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"report: unary GetKpis (real service, 24 h by hour) at concurrency {concurrency}: {calls} calls in {duration.TotalSeconds:F0} s => {calls / duration.TotalSeconds:F0} calls/s"));
        }
    }

    private static async Task<long> CallsAsync(GrpcClient client, GetKpisRequest request, GrpcCallOptions options, int concurrency, TimeSpan duration)
    {
        long calls = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                await client.UnaryAsync<GetKpisRequest, GetKpisResponse>(ReportServiceContract.GetKpis, request, options);
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        return calls;
    }
}
