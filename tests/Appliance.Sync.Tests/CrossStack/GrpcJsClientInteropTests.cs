using Appliance.Sync.Tests.Support;

namespace Appliance.Sync.Tests.CrossStack;

/// <summary>grpc-js (another stack) as the client of Grpc.AspNetCore set up as the appliance sets it up.</summary>
public sealed class GrpcJsClientInteropTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(configure: o => o.ResponseCompression = "gzip");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("unary")]
    [InlineData("unary-gzip")]
    public async Task Unary_call_from_grpc_js_succeeds(string mode)
    {
        var result = await NodePeer.RunClientAsync(mode, _server.Address);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["vip", "cards"], rows.Select(r => r.GetProperty("queue").GetString()));
        Assert.Equal([10, 11], rows.Select(r => r.GetProperty("offered").GetInt32()));
    }

    [Fact]
    public async Task Server_stream_to_grpc_js_delivers_every_event()
    {
        var result = await NodePeer.RunClientAsync("stream", _server.Address);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var events = result.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["c1", "c2", "c3"], events.Select(e => e.GetProperty("callId").GetString()));
        Assert.All(events, e => Assert.Equal("call", e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Grpc_js_deadline_ends_with_deadline_exceeded_and_cancels_our_handler()
    {
        var result = await NodePeer.RunClientAsync("deadline", _server.Address);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(4, result.GetProperty("code").GetInt32());
        await _server.Reports.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Error_status_and_message_reach_grpc_js()
    {
        var result = await NodePeer.RunClientAsync("error", _server.Address);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(3, result.GetProperty("code").GetInt32());
        Assert.Equal("branch_id is required", result.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Missing_credential_from_grpc_js_is_unauthenticated_and_nothing_applied()
    {
        var result = await NodePeer.RunClientAsync("unauthenticated", _server.Address);

        Assert.Equal(16, result.GetProperty("code").GetInt32());
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Push_from_grpc_js_is_applied_with_its_fields_intact()
    {
        var result = await NodePeer.RunClientAsync("push", _server.Address);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(["k1", "k2"], result.GetProperty("acknowledged").EnumerateArray().Select(k => k.GetString()));
        var ticket = _server.Sync.Applied["k1"];
        Assert.Equal(Contracts.Sync.V1.RecordKind.Ticket, ticket.Kind);
        Assert.Equal("ticket", ticket.Payload.ToStringUtf8());
        Assert.Equal(1767600000, ticket.CreatedAt.Seconds);
        Assert.Equal(2, _server.Sync.Applied["k2"].Sequence);
    }
}
