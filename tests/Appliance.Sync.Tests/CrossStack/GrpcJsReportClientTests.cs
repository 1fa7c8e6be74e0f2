using System.Net;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Outbox;
using Appliance.Sync.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StoredCall = Appliance.Storage.CallRecord;

namespace Appliance.Sync.Tests.CrossStack;

/// <summary>
/// grpc-js (another stack) as head office, calling the box's real report service: unary KPIs and call pages, a live
/// event stream, a deadline on a quiet stream, and refusals (bad range, wrong key, unknown method).
/// </summary>
public sealed class GrpcJsReportClientTests : IAsyncLifetime
{
    private const string Key = "head-office-key-0123456789";
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly OutboxHarness _box = new();
    private readonly SemaphoreSlim _watchStarted = new(0);
    private BranchReportService _service = null!;
    private ReportServer _server = null!;

    private string From => Nine.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string To => Nine.AddHours(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Seed();
        _service = new BranchReportService(new EventLogRepository(_box.Database), new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(new ReportServiceOptions { WatchPollIntervalSeconds = 0.05 }), TimeProvider.System,
            NullLogger<BranchReportService>.Instance)
        {
            WatchStarted = _ => _watchStarted.Release(),
        };
        _server = await ReportServer.StartAsync(_service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(Key),
            TimeProvider.System, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _box.Dispose();
        _watchStarted.Dispose();
    }

    [Fact]
    public async Task Kpis_read_by_grpc_js_match_the_boxs_own_figures()
    {
        var own = (await _service.GetKpis(new GetKpisRequest
        {
            From = Timestamp.FromDateTimeOffset(Nine), To = Timestamp.FromDateTimeOffset(Nine.AddHours(2)),
            Interval = KpiInterval.Hour, QueueIds = { "vip" },
        }, null!)).Rows;

        var result = await NodePeer.RunReportClientAsync("kpis", _server.Address, Key, From, To);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(own.Count, rows.Count);
        var nine = rows[0];
        Assert.Equal((3, 2, 1), (nine.GetProperty("offered").GetInt32(), nine.GetProperty("answered").GetInt32(), nine.GetProperty("abandoned").GetInt32()));
        Assert.Equal(20_000, nine.GetProperty("asaMs").GetInt64());   // (10 s + 30 s) / 2
        Assert.Equal(own[0].ServiceLevel, nine.GetProperty("serviceLevel").GetDouble(), 9);
        Assert.Equal((long)own[0].AverageHandlingTime.ToTimeSpan().TotalMilliseconds, nine.GetProperty("ahtMs").GetInt64());
        Assert.Equal(Nine.ToUnixTimeSeconds(), nine.GetProperty("start").GetInt64());
    }

    [Fact]
    public async Task Grpc_js_pages_through_call_records()
    {
        var result = await NodePeer.RunReportClientAsync("calls", _server.Address, Key, From, To);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var calls = result.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(["c1", "c2", "c3"], calls.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("CALL_DISPOSITION_ABANDONED", calls[2].GetProperty("disposition").GetString());
    }

    [Fact]
    public async Task Grpc_js_receives_live_events_logged_after_its_watch_started()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = NodePeer.RunReportClientAsync("watch", _server.Address, Key, "2");
        await _watchStarted.WaitAsync(bound.Token);

        new EventLogRepository(_box.Database).Append([
            new CallEventRecord(Nine.AddHours(3), "live-1", "ENTERQUEUE", "vip", null, """{"position":1}"""),
            new CallEventRecord(Nine.AddHours(3), "other-1", "ENTERQUEUE", "cards", null, """{"position":1}"""),
            new CallEventRecord(Nine.AddHours(3).AddSeconds(4), "live-1", "CONNECT", "vip", "a1", """{"holdtime":4}"""),
        ]);
        var result = await run.WaitAsync(bound.Token);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal([("live-1", "offered"), ("live-1", "answered")], result.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("callId").GetString(), e.GetProperty("step").GetString())));
    }

    [Fact]
    public async Task Grpc_js_deadline_on_a_quiet_stream_is_deadline_exceeded()
    {
        var result = await NodePeer.RunReportClientAsync("watch-deadline", _server.Address, Key);

        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(4, result.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("bad-range", Key, 3)]                       // INVALID_ARGUMENT
    [InlineData("kpis", "-", 16)]                           // UNAUTHENTICATED: no key
    [InlineData("kpis", "not-head-offices-key-000", 16)]    // UNAUTHENTICATED: wrong key
    [InlineData("unknown-method", Key, 12)]                 // UNIMPLEMENTED
    public async Task Refusals_reach_grpc_js_with_the_right_status(string mode, string key, int code)
    {
        var result = await NodePeer.RunReportClientAsync(mode, _server.Address, key, From, To);

        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(code, result.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("details").GetString()));
    }

    private void Seed()
    {
        void Add(double seconds, string call, string kind, string? agent, string data) =>
            new EventLogRepository(_box.Database).Append([new CallEventRecord(Nine.AddSeconds(seconds), call, kind, "vip", agent, data)]);

        Add(0, "c1", "ENTERQUEUE", null, """{"position":1}""");
        Add(10, "c1", "CONNECT", "a1", """{"holdtime":10}""");
        Add(130, "c1", "COMPLETECALLER", "a1", """{"holdtime":10,"talktime":120}""");
        Add(300, "c2", "ENTERQUEUE", null, """{"position":1}""");
        Add(330, "c2", "CONNECT", "a1", """{"holdtime":30}""");
        Add(450, "c2", "COMPLETEAGENT", "a1", """{"holdtime":30,"talktime":120}""");
        Add(600, "c3", "ENTERQUEUE", null, """{"position":1}""");
        Add(640, "c3", "ABANDON", null, """{"position":1,"waittime":40}""");

        var calls = new CallRecordRepository(_box.Database);
        calls.Insert(new StoredCall("c1", 1, "analog", null, null, Nine, Nine, Nine.AddSeconds(130), "main", "vip", "a1", "answered-by-agent", 10_000, 120_000, "caller", null));
        calls.Insert(new StoredCall("c2", 2, "analog", null, null, Nine.AddSeconds(300), Nine.AddSeconds(300), Nine.AddSeconds(450), "main", "vip", "a1", "answered-by-agent", 30_000, 120_000, "agent", null));
        calls.Insert(new StoredCall("c3", 1, "analog", null, null, Nine.AddSeconds(600), Nine.AddSeconds(600), Nine.AddSeconds(640), "main", "vip", null, "abandoned", 40_000, null, "caller", null));
    }
}
