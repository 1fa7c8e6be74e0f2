using System.Diagnostics;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Tests.Support;
using Appliance.Sync.Transport;
using Google.Protobuf;
using Grpc.Core;

namespace Appliance.Sync.Tests.CrossStack;

/// <summary>Our generated clients on Grpc.Net.Client against a grpc-js server (another stack).</summary>
public sealed class GrpcJsServerInteropTests : IAsyncLifetime
{
    private Process _node = null!;
    private Uri _address = null!;
    private GrpcClients _client = null!;

    public async Task InitializeAsync()
    {
        (_node, _address) = await NodePeer.StartServerAsync();
        _client = new GrpcClients(_address);
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
        using var client = new GrpcClients(_address, new GrpcClientOptions { RequestCompression = compression });

        var response = await client.Sync.PushBatchAsync(Batch("branch-7"));

        Assert.Equal(["k1", "k2"], response.AcknowledgedKeys);
    }

    [Fact]
    public async Task Error_status_with_unicode_message_from_grpc_js_is_decoded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.Sync.PushBatchAsync(Batch("revoked")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("branch \"revoked\" is revoked — 已吊销 100%", error.Status.Detail);
    }

    [Fact]
    public async Task Deadline_against_a_silent_grpc_js_server_is_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.Sync.PushBatchAsync(Batch("slow"), deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Server_stream_from_grpc_js_is_read_to_the_end()
    {
        using var call = _client.Reports.WatchEvents(new WatchEventsRequest { QueueIds = { "vip" } });
        var events = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(["c1", "c2", "c3"], events.Select(e => e.Call.CallId));
        Assert.Equal(1767600003, events[2].OccurredAt.Seconds);
    }

    [Fact]
    public async Task Unimplemented_status_from_grpc_js_is_reported()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.Reports.ListCallsAsync(new ListCallsRequest()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
