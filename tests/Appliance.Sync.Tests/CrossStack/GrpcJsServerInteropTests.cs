using System.Diagnostics;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Tests.Support;
using Google.Protobuf;

namespace Appliance.Sync.Tests.CrossStack;

/// <summary>Our client against a grpc-js server (another stack).</summary>
public sealed class GrpcJsServerInteropTests : IAsyncLifetime
{
    private Process _node = null!;
    private GrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        (_node, var address) = await NodePeer.StartServerAsync();
        _client = new GrpcClient(address);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        NodePeer.Stop(_node);
        return Task.CompletedTask;
    }

    private static PushBatchRequest Batch(string branch) => new()
    {
        BranchId = branch,
        BatchId = "b-1",
        Records =
        {
            new SyncRecord { IdempotencyKey = "k1", Kind = RecordKind.Ticket, Payload = ByteString.CopyFromUtf8("ticket"), Sequence = 1 },
            new SyncRecord { IdempotencyKey = "k2", Kind = RecordKind.Transaction, Payload = ByteString.CopyFromUtf8("txn"), Sequence = 2 },
        },
    };

    [Theory]
    [InlineData("identity")]
    [InlineData("gzip")]
    public async Task Push_batch_to_grpc_js_is_acknowledged(string compression)
    {
        using var client = new GrpcClient(_client.Address, new GrpcClientOptions { RequestCompression = compression });

        var response = await client.UnaryAsync<PushBatchRequest, PushBatchResponse>(SyncServiceContract.PushBatch, Batch("branch-7"));

        Assert.Equal(["k1", "k2"], response.AcknowledgedKeys);
    }

    [Fact]
    public async Task Error_status_with_unicode_message_from_grpc_js_is_decoded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.UnaryAsync<PushBatchRequest, PushBatchResponse>(SyncServiceContract.PushBatch, Batch("revoked")));

        Assert.Equal(GrpcStatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("branch \"revoked\" is revoked — 已吊销 100%", error.Status.Detail);
    }

    [Fact]
    public async Task Deadline_against_a_silent_grpc_js_server_is_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UnaryAsync<PushBatchRequest, PushBatchResponse>(
            SyncServiceContract.PushBatch, Batch("slow"), new GrpcCallOptions { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(300) }));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Server_stream_from_grpc_js_is_read_to_the_end()
    {
        var events = new List<LiveEvent>();
        await foreach (var e in _client.ServerStreamingAsync<WatchEventsRequest, LiveEvent>(
            ReportServiceContract.WatchEvents, new WatchEventsRequest { QueueIds = { "vip" } }))
        {
            events.Add(e);
        }

        Assert.Equal(["c1", "c2", "c3"], events.Select(e => e.Call.CallId));
        Assert.Equal(1767600003, events[2].OccurredAt.Seconds);
    }

    [Fact]
    public async Task Unimplemented_status_from_grpc_js_is_reported()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.UnaryAsync<ListCallsRequest, ListCallsResponse>(ReportServiceContract.ListCalls, new ListCallsRequest()));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }
}
