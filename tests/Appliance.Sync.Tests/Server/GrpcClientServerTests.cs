using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Tests.Support;
using Appliance.Sync.Transport;
using Google.Protobuf;
using Grpc.Core;

namespace Appliance.Sync.Tests.Server;

/// <summary>
/// The generated clients on Grpc.Net.Client against Grpc.AspNetCore, both set up as the appliance sets them up, over real
/// loopback HTTP/2: metadata, compression, streaming, statuses, deadlines, cancellation, credentials, limits.
/// </summary>
public sealed class GrpcClientServerTests
{
    private static Metadata BranchKey(string key = TestBranchKeyAuthorizer.Key) => GrpcClients.Headers("x-branch-key", key);

    [Fact]
    public async Task Unary_call_returns_the_handlers_response_and_carries_metadata()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);

        var response = await client.Reports.GetKpisAsync(
            new GetKpisRequest { QueueIds = { "vip", "cards" } }, GrpcClients.Headers("x-trace", "abc-123"));

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
        using var client = new GrpcClients(server.Address, new GrpcClientOptions { RequestCompression = requestCompression });
        var queues = Enumerable.Range(0, 200).Select(i => $"queue-{i}").ToArray();

        var response = await client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { queues } });

        Assert.Equal(queues, response.Rows.Select(r => r.QueueId));
    }

    [Theory]
    [InlineData("gzip", "identity,gzip", "gzip")]
    [InlineData("gzip", "identity", null)]
    [InlineData("identity", "identity,gzip", null)]
    public async Task Responses_are_gzipped_when_the_setting_asks_and_the_client_accepts_it(string setting, string accepted, string? expected)
    {
        await using var server = await GrpcTestServer.StartAsync(configure: o => o.ResponseCompression = setting);
        var request = new GetKpisRequest { QueueIds = { "vip" } }.ToByteArray();

        var result = await RawGrpcRequest.SendAsync(server.Address, "/appliance.report.v1.ReportService/GetKpis",
            RawGrpcRequest.Frame(request), headers: ("grpc-accept-encoding", accepted));

        Assert.Equal(("0", expected), (result.GrpcStatus, result.Encoding));
        Assert.Equal(expected is null ? 0 : 1, result.FirstFlag);
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        await using var server = await GrpcTestServer.StartAsync();
        server.Reports.EventCount = 50;
        using var client = new GrpcClients(server.Address);

        using var call = client.Reports.WatchEvents(new WatchEventsRequest { QueueIds = { "vip" } });
        var events = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"c{i}"), events.Select(e => e.Call.CallId));
        Assert.All(events, e => Assert.Equal("vip", e.Call.QueueId));
    }

    [Fact]
    public async Task Stream_that_fails_after_messages_delivers_them_then_the_status_from_trailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);
        var received = 0;

        using var call = client.Reports.WatchEvents(new WatchEventsRequest { QueueIds = { "fail-after" } });
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("stream aborted after events", error.Status.Detail);
    }

    [Fact]
    public async Task Handler_status_and_unicode_message_and_trailers_reach_the_client()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { "refuse" } }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Queue 'refuse' is closed — 已关闭 100%", error.Status.Detail);
        Assert.Equal("demo", error.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task Handler_exception_becomes_unknown_without_leaking_its_text()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { "boom" } }));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_honours_grpc_timeout_cancels_the_handler_and_answers_deadline_exceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = new GetKpisRequest { QueueIds = { "block" } }.ToByteArray();

        // No client of ours keeps a deadline here: the status can only come from the server's own timer. Two seconds leave a
        // loaded machine time to reach the handler, which must be running (and then cancelled) for the test to mean anything.
        var sent = DateTime.UtcNow;
        var result = await RawGrpcRequest.SendAsync(server.Address, "/appliance.report.v1.ReportService/GetKpis",
            RawGrpcRequest.Frame(request), headers: ("grpc-timeout", "2S")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("4", result.GrpcStatus);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(server.Reports.LastDeadline!.Value, sent, sent.AddSeconds(10));
    }

    [Fact]
    public async Task Client_deadline_ends_the_call_with_deadline_exceeded_and_cancels_the_server_handler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);
        // Connected first, so a slow first connection cannot use up the deadline before the server has the call.
        await client.Reports.GetKpisAsync(new GetKpisRequest());

        var call = client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { "block" } }, deadline: DateTime.UtcNow.AddSeconds(3));
        await server.Reports.Blocked.WaitAsync(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        call.Dispose();
    }

    [Fact]
    public async Task Deadline_already_past_fails_locally_without_calling_the_server()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.Reports.GetKpisAsync(new GetKpisRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, server.Reports.Calls);
    }

    [Fact]
    public async Task Default_timeout_setting_is_the_deadline_of_calls_that_set_none()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address, new GrpcClientOptions { DefaultTimeoutSeconds = 600 });
        var before = DateTime.UtcNow;

        await client.Reports.GetKpisAsync(new GetKpisRequest());

        // The server saw the deadline the client sent as grpc-timeout.
        Assert.InRange(server.Reports.LastDeadline!.Value, before.AddSeconds(590), DateTime.UtcNow.AddSeconds(601));
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_server_handler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);
        using var cancel = new CancellationTokenSource();

        using var call = client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { "block" } }, cancellationToken: cancel.Token);
        await server.Reports.Blocked.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData("key-of-someone-else", StatusCode.Unauthenticated)]
    [InlineData(TestBranchKeyAuthorizer.RevokedKey, StatusCode.PermissionDenied)]
    public async Task Authorizer_refuses_missing_unknown_and_revoked_credentials_with_nothing_applied(string? key, StatusCode expected)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);
        var request = new PushBatchRequest { BranchId = "branch-7", Records = { new SyncRecord { IdempotencyKey = "k1" } } };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.Sync.PushBatchAsync(request, key is null ? null : BranchKey(key)));

        Assert.Equal(expected, error.StatusCode);
        Assert.Empty(server.Sync.Applied);
    }

    [Fact]
    public async Task Authorized_push_is_applied_once_even_when_replayed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address);
        var request = new PushBatchRequest { BranchId = "branch-7", Records = { new SyncRecord { IdempotencyKey = "k1" }, new SyncRecord { IdempotencyKey = "k2" } } };

        var first = await client.Sync.PushBatchAsync(request, BranchKey());
        var replay = await client.Sync.PushBatchAsync(request, BranchKey());

        Assert.Equal(["k1", "k2"], first.AcknowledgedKeys);
        Assert.Equal(["k1", "k2"], replay.AcknowledgedKeys);
        Assert.Equal(2, server.Sync.Applied.Count);
    }

    [Fact]
    public async Task Oversized_response_is_refused_by_the_client_limit()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address, new GrpcClientOptions { MaxReceiveMessageSize = 1024 });
        var queues = Enumerable.Range(0, 200).Select(i => $"queue-{i}");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Reports.GetKpisAsync(new GetKpisRequest { QueueIds = { queues } }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Oversized_request_is_refused_by_the_client_limit_before_anything_is_sent()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new GrpcClients(server.Address, new GrpcClientOptions { MaxSendMessageSize = 1024 });
        var request = new PushBatchRequest { BranchId = "branch-7", Records = { new SyncRecord { IdempotencyKey = new string('k', 2000) } } };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Sync.PushBatchAsync(request, BranchKey()));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Empty(server.Sync.Applied);
    }

    [Fact]
    public async Task Unreachable_server_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new GrpcClients(new Uri($"http://127.0.0.1:{port}"));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Reports.GetKpisAsync(new GetKpisRequest()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_setting_named()
    {
        var server = new GrpcServerOptionsValidator().Validate(null, new GrpcServerOptions { MaxReceiveMessageSize = 10, ResponseCompression = "zstd" });
        var client = new GrpcClientOptionsValidator().Validate(null, new GrpcClientOptions { DefaultTimeoutSeconds = -1 });

        Assert.Contains("Sync:GrpcServer:MaxReceiveMessageSize", server.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sync:GrpcServer:ResponseCompression", server.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sync:GrpcClient:DefaultTimeoutSeconds", client.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GrpcChannelFactory.Create(new Uri("http://127.0.0.1:1"), new GrpcClientOptions { RequestCompression = "br" }));
        Assert.True(new GrpcServerOptionsValidator().Validate(null, new GrpcServerOptions()).Succeeded);
    }
}
