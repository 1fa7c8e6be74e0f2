using System.Net;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Support;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Compat;

/// <summary>
/// A box or head office still on the transport of our own talks to servers on Grpc.AspNetCore: the requests it sent
/// (recorded byte for byte before the switch) are replayed against the new servers, which must accept them and answer
/// what the old servers answered.
/// </summary>
public sealed class OldWireReplayTests
{
    private static readonly WireRecording Recording = WireRecording.Load();

    [Theory]
    [InlineData("push-batch-identity")]
    [InlineData("push-batch-gzip")]
    public async Task An_old_boxs_push_is_applied_with_every_field_intact(string name)
    {
        var exchange = Recording[name];
        await using var server = await GrpcTestServer.StartAsync();

        var answer = await WireReplay.SendAsync(server.Address, exchange);

        Assert.Equal((HttpStatusCode.OK, "0"), (answer.HttpStatus, answer.GrpcStatus));
        var sent = PushBatchRequest.Parser.ParseFrom(WireReplay.Messages(exchange.RequestBody, exchange.Header("grpc-encoding") ?? "identity").Single());
        Assert.Equal(3, sent.Records.Count);
        Assert.Equal(sent.Records.Select(r => r.IdempotencyKey), PushBatchResponse.Parser.ParseFrom(answer.Messages.Single()).AcknowledgedKeys);
        Assert.All(sent.Records, record => Assert.Equal(record, server.Sync.Applied[record.IdempotencyKey]));
    }

    [Theory]
    [InlineData("report-get-kpis")]
    [InlineData("report-list-calls")]
    public async Task Head_offices_old_report_calls_get_the_answers_the_old_report_service_gave(string name)
    {
        var exchange = Recording[name];
        using var box = new CompatBranch();
        box.SeedReports();
        await using var server = await StartReportServerAsync(box);

        var answer = await WireReplay.SendAsync(server.Address, exchange);

        Assert.Equal((HttpStatusCode.OK, exchange.ResponseGrpcStatus), (answer.HttpStatus, answer.GrpcStatus));
        Assert.Equal(exchange.ResponseMessages.Select(Convert.ToHexString), answer.Messages.Select(m => Convert.ToHexString(AsOldSchema(name, m))));
    }

    // KpiRow fields from 16 on were appended after the recording; an old head office skips them as unknown fields, so
    // what it reads is the answer without them, and that must equal what the old service said.
    private static byte[] AsOldSchema(string name, byte[] message)
    {
        if (name != "report-get-kpis")
        {
            return message;
        }

        var answer = GetKpisResponse.Parser.ParseFrom(message);
        foreach (var row in answer.Rows)
        {
            foreach (var field in KpiRow.Descriptor.Fields.InFieldNumberOrder().Where(f => f.FieldNumber >= FirstAppendedKpiField))
            {
                field.Accessor.Clear(row);
            }
        }

        return answer.ToByteArray();
    }

    private const int FirstAppendedKpiField = 16;

    [Fact]
    public async Task An_old_watch_streams_the_events_logged_after_it_started()
    {
        var exchange = Recording["report-watch-events"];
        using var box = new CompatBranch();
        using var started = new SemaphoreSlim(0);
        await using var server = await StartReportServerAsync(box, _ => started.Release());
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The answer's headers come with its first message, so the events are logged before the open call returns.
        var open = WireReplay.OpenAsync(server.Address, exchange, bound.Token);
        await started.WaitAsync(bound.Token);
        new EventLogRepository(box.Database).Append([
            new CallEventRecord(CompatBranch.Nine, "w1", "ENTERQUEUE", "vip", null, """{"position":1}"""),
            new CallEventRecord(CompatBranch.Nine, "w2", "ENTERQUEUE", "other", null, """{"position":1}"""),
            new CallEventRecord(CompatBranch.Nine.AddSeconds(5), "w1", "CONNECT", "vip", "a1", """{"holdtime":5}"""),
        ]);
        using var watch = await open;
        var events = new List<LiveEvent>();
        while (events.Count < 2)
        {
            events.Add(LiveEvent.Parser.ParseFrom(await watch.ReadMessageAsync(bound.Token)));
        }

        Assert.Equal(HttpStatusCode.OK, watch.HttpStatus);
        Assert.Equal([("w1", "offered"), ("w1", "answered")], events.Select(e => (e.Call.CallId, e.Call.Step)));
    }

    private static Task<ReportServer> StartReportServerAsync(CompatBranch box, Action<long>? watchStarted = null)
    {
        var service = new BranchReportService(new EventLogRepository(box.Database), new CallRecordRepository(box.Database), TestKpis.Reporter(box.Database),
            Options.Create(new ReportServiceOptions { WatchPollIntervalSeconds = 0.05 }), TimeProvider.System, NullLogger<BranchReportService>.Instance)
        {
            WatchStarted = watchStarted,
        };
        return ReportServer.StartAsync(service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(CompatBranch.HeadOfficeKey),
            TimeProvider.System, NullLoggerFactory.Instance);
    }
}
