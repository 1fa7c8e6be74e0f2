using System.Net;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Outbox;
using Appliance.Sync.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StoredCall = Appliance.Storage.CallRecord;

namespace Appliance.Sync.Tests.Reporting;

/// <summary>The box's report service over real gRPC, against figures computed by hand from a seeded event log.</summary>
public sealed class ReportServiceTests : IAsyncLifetime
{
    private const string Key = "head-office-key-0123456789";
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly OutboxHarness _box = new();
    private readonly ReportServiceOptions _options = new() { ServiceLevelThresholdSeconds = 20, ShortAbandonThresholdSeconds = 5 };
    private ReportServer _server = null!;
    private GrpcClients _client = null!;

    public async Task InitializeAsync()
    {
        Seed();
        var service = new BranchReportService(new EventLogRepository(_box.Database), new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(_options), TimeProvider.System, NullLogger<BranchReportService>.Instance);
        _server = await ReportServer.StartAsync(service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(Key),
            TimeProvider.System, NullLoggerFactory.Instance);
        _client = new GrpcClients(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _box.Dispose();
    }

    private static Metadata Authorized(string key = Key) => GrpcClients.Headers(HeadOfficeKeyAuthorizer.HeaderName, key);

    private async Task<GetKpisResponse> Kpis(GetKpisRequest request) => await _client.Reports.GetKpisAsync(request, Authorized());

    private static GetKpisRequest Hourly(params string[] queues) => new()
    {
        From = Timestamp.FromDateTimeOffset(Nine),
        To = Timestamp.FromDateTimeOffset(Nine.AddHours(2)),
        Interval = KpiInterval.Hour,
        QueueIds = { queues },
    };

    [Fact]
    public async Task Kpis_per_hour_and_queue_match_the_hand_computed_figures()
    {
        var rows = (await Kpis(Hourly("vip"))).Rows;

        Assert.Equal(2, rows.Count);
        var nine = rows[0];
        Assert.Equal((Nine, "vip", ""), (nine.IntervalStart.ToDateTimeOffset(), nine.QueueId, nine.AgentId));
        Assert.Equal((4, 2, 2, 1), (nine.Offered, nine.Answered, nine.Abandoned, nine.AnsweredWithinThreshold));
        Assert.Equal(0.25, nine.ServiceLevel, 6);               // 1 / (2 answered + 2 abandoned)
        Assert.Equal(1.0 / 3, nine.AbandonRate, 6);             // the 3 s abandon is short: (2-1) / (4-1)
        Assert.Equal(TimeSpan.FromSeconds(20), nine.AverageSpeedOfAnswer.ToTimeSpan());     // (10 + 30) / 2
        Assert.Equal(TimeSpan.FromSeconds(20.75), nine.AverageWait.ToTimeSpan());           // (10 + 30 + 3 + 40) / 4
        Assert.Equal(TimeSpan.FromSeconds(165), nine.AverageHandlingTime.ToTimeSpan());     // (120 + 120 + 30 + 60) / 2
        Assert.Equal(TimeSpan.FromSeconds(45), nine.AfterCallWork.ToTimeSpan());            // (30 + 60) / 2
        var ten = rows[1];
        Assert.Equal((1, 1, 1.0), (ten.Offered, ten.Answered, ten.ServiceLevel));
        Assert.Equal(TimeSpan.FromSeconds(60), ten.AverageHandlingTime.ToTimeSpan());
    }

    [Theory]
    [InlineData(ServiceLevelFormula.AnsweredOnly, 0.5)]            // 1 / 2
    [InlineData(ServiceLevelFormula.AbandonsAgainst, 0.25)]        // 1 / (2 + 2)
    [InlineData(ServiceLevelFormula.ShortAbandonsIgnored, 1.0 / 3)] // 1 / (2 + the one abandon after 20 s)
    public async Task The_service_level_formula_is_a_setting(ServiceLevelFormula formula, double expected)
    {
        _options.ServiceLevelFormula = formula;
        var service = new BranchReportService(new EventLogRepository(_box.Database), new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(_options), TimeProvider.System, NullLogger<BranchReportService>.Instance);

        var response = await service.GetKpis(Hourly("vip"), null!);

        Assert.Equal(expected, response.Rows[0].ServiceLevel, 6);
    }

    [Fact]
    public async Task Agent_rows_carry_login_time_and_occupancy()
    {
        var request = Hourly();
        request.AgentIds.Add("a1");

        var nine = (await Kpis(request)).Rows.First(r => r.IntervalStart.ToDateTimeOffset() == Nine);

        Assert.Equal(("", "a1", 2), (nine.QueueId, nine.AgentId, nine.Answered));
        Assert.Equal(TimeSpan.FromHours(1), nine.LoginTime.ToTimeSpan());
        // on call 10:00-12:10 is 2 + 2 min, wrap-up 30 s + 60 s, available the rest of the hour.
        var busy = 240.0 + 90;
        Assert.Equal(busy / 3600, nine.Occupancy, 6);
    }

    [Fact]
    public async Task ListCalls_pages_through_the_range()
    {
        var request = new ListCallsRequest { From = Timestamp.FromDateTimeOffset(Nine), To = Timestamp.FromDateTimeOffset(Nine.AddHours(2)), PageSize = 2 };

        var first = await _client.Reports.ListCallsAsync(request, Authorized());
        request.PageToken = first.NextPageToken;
        var second = await _client.Reports.ListCallsAsync(request, Authorized());

        Assert.Equal(["c1", "c2", "c3"], first.Calls.Concat(second.Calls).Select(c => c.CallId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal((CallDisposition.Answered, "vip", "a1"), (first.Calls[0].Disposition, first.Calls[0].QueueId, first.Calls[0].AgentId));
        Assert.Equal(CallDisposition.Abandoned, second.Calls[0].Disposition);
    }

    [Fact]
    public async Task Bad_requests_get_invalid_argument_naming_the_field()
    {
        var noInterval = Hourly("vip");
        noInterval.Interval = KpiInterval.Unspecified;
        var backwards = new ListCallsRequest { From = Timestamp.FromDateTimeOffset(Nine), To = Timestamp.FromDateTimeOffset(Nine.AddHours(-1)) };
        var badToken = new ListCallsRequest { From = Timestamp.FromDateTimeOffset(Nine), To = Timestamp.FromDateTimeOffset(Nine.AddHours(1)), PageToken = "x" };

        var e1 = await Assert.ThrowsAsync<RpcException>(() => Kpis(noInterval));
        var e2 = await Assert.ThrowsAsync<RpcException>(async () => await _client.Reports.ListCallsAsync(backwards, Authorized()));
        var e3 = await Assert.ThrowsAsync<RpcException>(async () => await _client.Reports.ListCallsAsync(badToken, Authorized()));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument), (e1.StatusCode, e2.StatusCode, e3.StatusCode));
        Assert.Contains("interval", e1.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("to must be after from", e2.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("page_token", e3.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task Calls_without_head_offices_key_are_unauthenticated(string? key)
    {
        var headers = key is null ? null : Authorized(key);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.Reports.GetKpisAsync(Hourly("vip"), headers));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task WatchEvents_streams_events_logged_after_it_started()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new EventLogRepository(_box.Database);
        var service = new BranchReportService(events, new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(new ReportServiceOptions { WatchPollIntervalSeconds = 0.05 }), TimeProvider.System, NullLogger<BranchReportService>.Instance);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        service.WatchStarted = _ => started.TrySetResult();
        var writer = new ListWriter(2, cancel);
        var context = new TestCallContext(cancel.Token);
        var watch = service.WatchEvents(new WatchEventsRequest { QueueIds = { "vip" } }, writer, context);
        await started.Task.WaitAsync(cancel.Token);

        // Logged after the watch started: the old events must not be replayed, the new ones arrive in order.
        events.Append([
            new CallEventRecord(Nine.AddHours(3), "c9", "ENTERQUEUE", "vip", null, """{"position":1}"""),
            new CallEventRecord(Nine.AddHours(3), "c8", "ENTERQUEUE", "other", null, """{"position":1}"""),
            new CallEventRecord(Nine.AddHours(3), "c9", "CONNECT", "vip", "a1", """{"holdtime":2}"""),
        ]);
        await watch.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([("c9", "offered"), ("c9", "answered")], writer.Received.Select(e => (e.Call.CallId, e.Call.Step)));
    }

    [Fact]
    public async Task WatchEvents_reads_an_agent_s_new_state_not_the_previous_one_and_leaves_out_agent_only_events()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new EventLogRepository(_box.Database);
        var service = new BranchReportService(events, new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(new ReportServiceOptions { WatchPollIntervalSeconds = 0.05 }), TimeProvider.System, NullLogger<BranchReportService>.Instance);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        service.WatchStarted = _ => started.TrySetResult();
        var writer = new ListWriter(2, cancel);
        var watch = service.WatchEvents(new WatchEventsRequest(), writer, new TestCallContext(cancel.Token));
        await started.Task.WaitAsync(cancel.Token);

        events.Append([
            new CallEventRecord(Nine.AddHours(3), "NONE", "PAUSE", null, "a1", """{"reason":"1","reasonName":"break"}"""),
            new CallEventRecord(Nine.AddHours(3), "NONE", "AGENT_STATE", null, "a1", """{"status":"notready","reason":"1","previous":"available","seconds":30}"""),
            new CallEventRecord(Nine.AddHours(3), "NONE", "AGENT_STATE", null, "a1", """{"status":"available","reason":null,"previous":"notready","seconds":60}"""),
        ]);
        await watch.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["not_ready", "ready"], writer.Received.Select(e => e.AgentState.State));
    }

    /// <summary>Collects streamed events and ends the call (as a client hanging up) once it has enough.</summary>
    private sealed class ListWriter(int wanted, CancellationTokenSource hangUp) : IServerStreamWriter<LiveEvent>
    {
        public List<LiveEvent> Received { get; } = [];

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(LiveEvent message, CancellationToken cancellationToken) => WriteAsync(message);

        public Task WriteAsync(LiveEvent message)
        {
            Received.Add(message);
            if (Received.Count >= wanted)
            {
                hangUp.Cancel();
            }

            return Task.CompletedTask;
        }
    }

    private void Seed()
    {
        var log = new List<CallEventRecord>();
        void Add(double seconds, string? call, string kind, string? queue, string? agent, string? data) =>
            log.Add(new CallEventRecord(Nine.AddSeconds(seconds), call, kind, queue, agent, data));
        void State(double seconds, string status) => Add(seconds, null, "AGENT_STATE", null, "a1", $$"""{"status":"{{status}}"}""");

        State(-60, "available");
        Add(0, "c1", "ENTERQUEUE", "vip", null, """{"position":1}""");
        Add(10, "c1", "CONNECT", "vip", "a1", """{"holdtime":10}""");
        State(10, "oncall");
        Add(130, "c1", "COMPLETECALLER", "vip", "a1", """{"holdtime":10,"talktime":120}""");
        State(130, "wrapup");
        State(160, "available");
        Add(300, "c2", "ENTERQUEUE", "vip", null, """{"position":1}""");
        Add(330, "c2", "CONNECT", "vip", "a1", """{"holdtime":30}""");
        State(330, "oncall");
        Add(450, "c2", "COMPLETEAGENT", "vip", "a1", """{"holdtime":30,"talktime":120}""");
        State(450, "wrapup");
        State(510, "available");
        Add(600, "c3", "ENTERQUEUE", "vip", null, """{"position":1}""");
        Add(603, "c3", "ABANDON", "vip", null, """{"position":1,"waittime":3}""");
        Add(1200, "c4", "ENTERQUEUE", "vip", null, """{"position":1}""");
        Add(1240, "c4", "ABANDON", "vip", null, """{"position":1,"waittime":40}""");
        Add(1300, "x1", "ENTERQUEUE", "other", null, """{"position":1}""");
        Add(3600, "c5", "ENTERQUEUE", "vip", null, """{"position":1}""");
        Add(3605, "c5", "CONNECT", "vip", "a1", """{"holdtime":5}""");
        State(3605, "oncall");
        Add(3665, "c5", "COMPLETECALLER", "vip", "a1", """{"holdtime":5,"talktime":60}""");
        State(3665, "available");
        new EventLogRepository(_box.Database).Append(log);

        var calls = new CallRecordRepository(_box.Database);
        calls.Insert(new StoredCall("c1", 1, "analog", "138****0000", null, Nine, Nine, Nine.AddSeconds(130), "main", "vip", "a1", "answered-by-agent", 10_000, 120_000, "caller", "rec-1"));
        calls.Insert(new StoredCall("c2", 2, "analog", null, null, Nine.AddSeconds(300), Nine.AddSeconds(300), Nine.AddSeconds(450), "main", "vip", "a1", "answered-by-agent", 30_000, 120_000, "agent", null));
        calls.Insert(new StoredCall("c3", 1, "analog", null, null, Nine.AddSeconds(600), Nine.AddSeconds(600), Nine.AddSeconds(603), "main", "vip", null, "abandoned", 3_000, null, "caller", null));
        calls.Insert(new StoredCall("c0", 1, "analog", null, null, Nine.AddHours(-1), null, Nine.AddHours(-1), null, null, null, "failed", null, null, null, null));
    }
}
