using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Appliance.Sync.Tests.Support;

/// <summary>The generated clients on a channel made as the appliance makes them; dispose to close the channel.</summary>
internal sealed class GrpcClients(GrpcChannel channel, GrpcClientOptions options) : IDisposable
{
    public GrpcClients(Uri address, GrpcClientOptions? options = null)
        : this(GrpcChannelFactory.Create(address, options), options ?? new GrpcClientOptions())
    {
    }

    public ReportService.ReportServiceClient Reports { get; } = new(channel.CreateInvoker(options));

    public SyncService.SyncServiceClient Sync { get; } = new(channel.CreateInvoker(options));

    public static Metadata Headers(string name, string value) => new() { { name, value } };

    public void Dispose() => channel.Dispose();
}
