using System.Diagnostics;
using System.Globalization;
using System.Net;
using Appliance.Benchmarks.Kpi;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Reporting;
using Appliance.Sync.Transport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
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
            new EventLogRepository(database), new CallRecordRepository(database), KpiBench.Reporter(database),
            Options.Create(new ReportServiceOptions { Enabled = true, HeadOfficeKey = HeadOfficeKey }), TimeProvider.System,
            NullLogger<BranchReportService>.Instance);
        await using var server = await ReportServer.StartAsync(
            service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(HeadOfficeKey), TimeProvider.System,
            NullLoggerFactory.Instance);
        using var channel = GrpcChannelFactory.Create(server.Address);
        var client = new ReportService.ReportServiceClient(channel);
        var headers = new Metadata { { HeadOfficeKeyAuthorizer.HeaderName, HeadOfficeKey } };
        var to = DateTimeOffset.UtcNow;
        var request = new GetKpisRequest
        {
            From = Timestamp.FromDateTimeOffset(to.AddDays(-1)), To = Timestamp.FromDateTimeOffset(to), Interval = KpiInterval.Hour,
        };
        var options = new CallOptions(headers);

        foreach (var concurrency in (int[])[1, 16])
        {
            await CallsAsync(client, request, options, concurrency, TimeSpan.FromSeconds(1)); // warm-up
            var calls = await CallsAsync(client, request, options, concurrency, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"report: unary GetKpis (real service, 24 h by hour) at concurrency {concurrency}: {calls} calls in {duration.TotalSeconds:F0} s => {calls / duration.TotalSeconds:F0} calls/s"));
        }
    }

    private static async Task<long> CallsAsync(ReportService.ReportServiceClient client, GetKpisRequest request, CallOptions options, int concurrency, TimeSpan duration)
    {
        long calls = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                await client.GetKpisAsync(request, options);
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        return calls;
    }
}
