using System.Net;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Outbox;
using Appliance.Sync.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Reporting;

/// <summary>
/// The box's WatchEvents over the real transport: the stream must open (headers reach the client) before any event exists,
/// deliver events logged afterwards, and end cleanly when the client leaves or its deadline passes.
/// </summary>
public sealed class WatchEventsOverWireTests : IAsyncLifetime
{
    private const string Key = "head-office-key-0123456789";
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly OutboxHarness _box = new();
    // Released once per watch, when the server has taken its cursor: events appended after that must be streamed.
    private readonly SemaphoreSlim _watchStarted = new(0);
    private ReportServer _server = null!;
    private GrpcClients _client = null!;
    private EventLogRepository _events = null!;

    public async Task InitializeAsync()
    {
        _events = new EventLogRepository(_box.Database);
        _events.Append([new CallEventRecord(Noon, "old", "ENTERQUEUE", "vip", null, """{"position":1}""")]);
        var service = new BranchReportService(_events, new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(new ReportServiceOptions { WatchPollIntervalSeconds = 0.05 }), TimeProvider.System,
            NullLogger<BranchReportService>.Instance)
        {
            WatchStarted = _ => _watchStarted.Release(),
        };
        _server = await ReportServer.StartAsync(service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(Key),
            TimeProvider.System, NullLoggerFactory.Instance);
        _client = new GrpcClients(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _box.Dispose();
        _watchStarted.Dispose();
    }

    [Fact]
    public async Task Events_logged_after_the_watch_started_arrive_over_the_wire_in_order()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<LiveEvent>();
        using var call = _client.Reports.WatchEvents(new WatchEventsRequest { QueueIds = { "vip" } }, Authorized(), cancellationToken: bound.Token);
        var reader = call.ResponseStream;

        // The call is sent; the first event is logged only once the server has taken its cursor.
        var first = reader.MoveNext(bound.Token);
        await _watchStarted.WaitAsync(bound.Token);
        _events.Append([
            new CallEventRecord(Noon.AddMinutes(1), "c9", "ENTERQUEUE", "vip", null, """{"position":1}"""),
            new CallEventRecord(Noon.AddMinutes(1), "c8", "ENTERQUEUE", "other", null, """{"position":1}"""),
            new CallEventRecord(Noon.AddMinutes(2), "c9", "CONNECT", "vip", "a1", """{"holdtime":60}"""),
        ]);
        Assert.True(await first);
        received.Add(reader.Current);
        Assert.True(await reader.MoveNext(bound.Token));
        received.Add(reader.Current);

        Assert.Equal([("c9", "offered"), ("c9", "answered")], received.Select(e => (e.Call.CallId, e.Call.Step)));
        Assert.Equal(Noon.AddMinutes(2), received[1].OccurredAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_quiet_stream_ends_with_deadline_exceeded_at_the_callers_deadline()
    {
        using var call = _client.Reports.WatchEvents(new WatchEventsRequest(), Authorized(), DateTime.UtcNow.AddMilliseconds(500));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
                Assert.Fail("no event was logged, so none may arrive");
            }
        }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task A_client_that_leaves_frees_the_server_for_the_next_watch()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var round = 0; round < 3; round++)
        {
            using var leave = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
            var watch = Task.Run(async () =>
            {
                using var call = _client.Reports.WatchEvents(new WatchEventsRequest(), Authorized(), cancellationToken: leave.Token);
                await foreach (var unused in call.ResponseStream.ReadAllAsync(leave.Token))
                {
                    await leave.CancelAsync();
                }
            });
            await _watchStarted.WaitAsync(bound.Token);
            _events.Append([new CallEventRecord(Noon.AddMinutes(10 + round), $"r{round}", "ENTERQUEUE", "vip", null, "{}")]);

            var error = await Assert.ThrowsAsync<RpcException>(() => watch.WaitAsync(bound.Token));
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_watch_without_head_offices_key_is_refused_before_streaming()
    {
        using var call = _client.Reports.WatchEvents(new WatchEventsRequest());
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
                Assert.Fail("an unauthenticated watch must not stream");
            }
        }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, _watchStarted.CurrentCount);
    }

    private static Metadata Authorized() => GrpcClients.Headers(HeadOfficeKeyAuthorizer.HeaderName, Key);
}
