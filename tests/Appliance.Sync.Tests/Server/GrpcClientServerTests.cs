using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Tests.Support;
using Appliance.Testing;

namespace Appliance.Sync.Tests.Server;

/// <summary>Our client against our Kestrel server over real loopback HTTP/2.</summary>
public sealed class GrpcClientServerTests
{
    private static GrpcMetadata BranchKey(string key = TestBranchKeyAuthorizer.Key)
    {
        var metadata = new GrpcMetadata();
        metadata.Add("x-branch-key", key);
        return metadata;
    }

    [Fact]
    public async Task Unary_call_returns_the_handlers_response_and_carries_metadata()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);
        var headers = new GrpcMetadata();
        headers.Add("x-trace", "abc-123");

        var response = await client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "vip", "cards" } }, new GrpcCallOptions { Headers = headers });

        Assert.Equal(["vip", "cards"], response.Rows.Select(r => r.QueueId));
        Assert.Equal([10, 11], response.Rows.Select(r => r.Offered));
        Assert.Equal("abc-123", server.Reports.LastTraceHeader);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip", "identity")]
    [InlineData("identity", "gzip")]
    public async Task Compression_in_either_direction_round_trips(string requestCompression, string responseCompression)
    {
        await using var server = await GrpcTestServer.StartAsync(configure: o => o.ResponseCompression = responseCompression);
        using var client = new GrpcClient(server.Address, new GrpcClientOptions { RequestCompression = requestCompression });
        var queues = Enumerable.Range(0, 200).Select(i => $"queue-{i}").ToArray();

        var response = await client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { queues } });

        Assert.Equal(queues, response.Rows.Select(r => r.QueueId));
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        await using var server = await GrpcTestServer.StartAsync();
        server.Reports.EventCount = 50;
        using var client = new GrpcClient(server.Address);

        var events = new List<LiveEvent>();
        await foreach (var e in client.ServerStreamingAsync<WatchEventsRequest, LiveEvent>(
            ReportServiceContract.WatchEvents, new WatchEventsRequest { QueueIds = { "vip" } }))
        {
            events.Add(e);
        }

        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"c{i}"), events.Select(e => e.Call.CallId));
        Assert.All(events, e => Assert.Equal("vip", e.Call.QueueId));
    }

    [Fact]
    public async Task Stream_that_fails_after_messages_delivers_them_then_the_status_from_trailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);
        var received = 0;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in client.ServerStreamingAsync<WatchEventsRequest, LiveEvent>(
                ReportServiceContract.WatchEvents, new WatchEventsRequest { QueueIds = { "fail-after" } }))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(GrpcStatusCode.Aborted, error.StatusCode);
        Assert.Equal("stream aborted after events", error.Status.Detail);
    }

    [Fact]
    public async Task Handler_status_and_unicode_message_and_trailers_reach_the_client()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "refuse" } }));

        Assert.Equal(GrpcStatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Queue 'refuse' is closed — 已关闭 100%", error.Status.Detail);
        Assert.Equal("demo", error.Trailers.Get("x-reason"));
    }

    [Fact]
    public async Task Handler_exception_becomes_unknown_without_leaking_its_text()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "boom" } }));

        Assert.Equal(GrpcStatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_deadline_cancels_the_handler_and_answers_deadline_exceeded()
    {
        var serverClock = new ManualTimeProvider();
        await using var server = await GrpcTestServer.StartAsync(serverClock);
        using var client = new GrpcClient(server.Address);

        // The client's own timer runs on real time and far later, so the status must come from the server.
        var call = client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "block" } },
            new GrpcCallOptions { Deadline = DateTimeOffset.UtcNow.AddSeconds(30) });
        await server.Reports.Blocked.WaitAsync(TimeSpan.FromSeconds(10));
        // grpc-timeout carries what is left when the headers go out: less than 30 s by however long the (first, possibly
        // slow) connection took, so the tolerance is loose; without the header the handler would see no deadline at all.
        Assert.Equal(serverClock.GetUtcNow().AddSeconds(30), server.Reports.LastDeadline!.Value, TimeSpan.FromSeconds(10));
        serverClock.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Client_deadline_ends_the_call_with_deadline_exceeded_and_cancels_the_server_handler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var clientClock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var client = new GrpcClient(server.Address, timeProvider: clientClock);

        var call = client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "block" } },
            new GrpcCallOptions { Deadline = clientClock.GetUtcNow().AddSeconds(5) });
        await server.Reports.Blocked.WaitAsync(TimeSpan.FromSeconds(10));
        clientClock.Advance(TimeSpan.FromSeconds(6));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Deadline_already_past_fails_locally_without_calling_the_server()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest(), new GrpcCallOptions { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) }));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, server.Reports.Calls);
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_server_handler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);
        using var cancel = new CancellationTokenSource();

        var call = client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "block" } }, new GrpcCallOptions { CancellationToken = cancel.Token });
        await server.Reports.Blocked.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(GrpcStatusCode.Cancelled, error.StatusCode);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(null, GrpcStatusCode.Unauthenticated)]
    [InlineData("key-of-someone-else", GrpcStatusCode.Unauthenticated)]
    [InlineData(TestBranchKeyAuthorizer.RevokedKey, GrpcStatusCode.PermissionDenied)]
    public async Task Authorizer_refuses_missing_unknown_and_revoked_credentials_with_nothing_applied(string? key, GrpcStatusCode expected)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);
        var request = new PushBatchRequest { BranchId = "branch-7", Records = { new SyncRecord { IdempotencyKey = "k1" } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<PushBatchRequest, PushBatchResponse>(
            SyncServiceContract.PushBatch, request, new GrpcCallOptions { Headers = key is null ? null : BranchKey(key) }));

        Assert.Equal(expected, error.StatusCode);
        Assert.Empty(server.Sync.Applied);
    }

    [Fact]
    public async Task Authorized_push_is_applied_once_even_when_replayed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address);
        var request = new PushBatchRequest { BranchId = "branch-7", Records = { new SyncRecord { IdempotencyKey = "k1" }, new SyncRecord { IdempotencyKey = "k2" } } };
        var options = new GrpcCallOptions { Headers = BranchKey() };

        var first = await client.UnaryAsync<PushBatchRequest, PushBatchResponse>(SyncServiceContract.PushBatch, request, options);
        var replay = await client.UnaryAsync<PushBatchRequest, PushBatchResponse>(SyncServiceContract.PushBatch, request, options);

        Assert.Equal(["k1", "k2"], first.AcknowledgedKeys);
        Assert.Equal(["k1", "k2"], replay.AcknowledgedKeys);
        Assert.Equal(2, server.Sync.Applied.Count);
    }

    [Fact]
    public async Task Oversized_response_is_refused_by_the_client_limit()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClient(server.Address, new GrpcClientOptions { MaxReceiveMessageSize = 1024 });
        var queues = Enumerable.Range(0, 200).Select(i => $"queue-{i}");

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { queues } }));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Unreachable_server_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new GrpcClient(new Uri($"http://127.0.0.1:{port}"));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest()));

        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Calling_a_method_with_the_wrong_message_types_is_refused_before_sending()
    {
        using var client = new GrpcClient(new Uri("http://127.0.0.1:1"));

        await Assert.ThrowsAsync<ArgumentException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.ListCalls, new GetKpisRequest()));
    }
}
