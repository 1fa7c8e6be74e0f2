using Appliance.Sync.Outbox;
using Appliance.Sync.Tests.Support;
using Appliance.Sync.Transport;

namespace Appliance.Sync.Tests.Outbox;

/// <summary>The pump pushing over real HTTP/2 to grpc-js (another stack) acting as head office.</summary>
public sealed class OutboxToGrpcJsTests
{
    [Fact]
    public async Task The_pump_delivers_the_outbox_to_a_grpc_js_sync_server()
    {
        var (node, address) = await NodePeer.StartServerAsync();
        try
        {
            using var box = new OutboxHarness();
            box.CreateTickets(5);
            box.Time.Advance(TimeSpan.FromSeconds(5));
            using var client = new GrpcHeadOfficeSyncClient(GrpcChannelFactory.Create(address), new GrpcClientOptions(), "branch-7", "key-of-branch-7-long-enough", TimeSpan.FromSeconds(10));
            var pump = box.Pump(client);

            Assert.Equal(TimeSpan.Zero, await pump.RunOnceAsync(default));
            await pump.RunOnceAsync(default);

            var status = pump.GetStatus();
            Assert.Equal((0, 0, null), (status.Pending, status.ConsecutiveFailures, status.LastError));
            Assert.NotNull(status.LastSuccessAt);
        }
        finally
        {
            NodePeer.Stop(node);
        }
    }

    [Fact]
    public async Task A_head_office_that_is_not_listening_means_backoff_and_nothing_lost()
    {
        using var box = new OutboxHarness();
        box.CreateTickets(2);
        box.Time.Advance(TimeSpan.FromSeconds(5));
        using var client = new GrpcHeadOfficeSyncClient(GrpcChannelFactory.Create(new Uri("http://127.0.0.1:1/")), new GrpcClientOptions(), "branch-7", "key-of-branch-7-long-enough", TimeSpan.FromSeconds(5));
        var pump = box.Pump(client);

        var delay = await pump.RunOnceAsync(default);

        Assert.InRange(delay.TotalSeconds, 0.5, 1);
        var status = pump.GetStatus();
        Assert.Equal(("backing-off", 2, 1), (status.State, status.Pending, status.ConsecutiveFailures));
        Assert.Contains("Unavailable", status.LastError, StringComparison.Ordinal);
    }
}
