using System.Net;
using System.Security.Cryptography.X509Certificates;
using Appliance.Sync.Contracts;
using Appliance.Sync.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, serving the test report and sync services.</summary>
internal sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public TestReportService Reports { get; } = new();

    public TestSyncService Sync { get; } = new();

    public static async Task<GrpcTestServer> StartAsync(
        TimeProvider? time = null, X509Certificate2? certificate = null, Action<GrpcServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpcTransport(builder.Configuration);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        var app = builder.Build();
        var server = new GrpcTestServer(app);
        app.MapGrpcService(GrpcServiceDefinition.FromImplementation(ReportServiceContract.Service, server.Reports));
        app.MapGrpcService(
            GrpcServiceDefinition.FromImplementation(SyncServiceContract.Service, server.Sync),
            new TestBranchKeyAuthorizer());
        app.MapGrpcUnimplemented();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
