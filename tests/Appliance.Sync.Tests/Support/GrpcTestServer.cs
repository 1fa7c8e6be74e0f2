using System.Net;
using System.Security.Cryptography.X509Certificates;
using Appliance.Sync.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Support;

/// <summary>
/// Grpc.AspNetCore on a real Kestrel on 127.0.0.1 with a free port, set up as the appliance's servers are
/// (<see cref="GrpcServerSetup"/>), serving the test report service (open) and sync service (branch key required).
/// </summary>
internal sealed class GrpcTestServer : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public TestReportService Reports { get; } = new();

    public TestSyncService Sync { get; } = new();

    public static async Task<GrpcTestServer> StartAsync(X509Certificate2? certificate = null, Action<GrpcServerOptions>? configure = null)
    {
        var settings = new GrpcServerOptions();
        configure?.Invoke(settings);
        var server = new GrpcTestServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Options.Create(settings));
        builder.Services.AddSingleton(server.Reports);
        builder.Services.AddSingleton(server.Sync);
        builder.Services.AddSingleton<TestBranchKeyAuthorizer>();
        builder.Services.AddApplianceGrpc().AuthorizeWith<TestSyncService, TestBranchKeyAuthorizer>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        var app = server._app = builder.Build();
        app.UseApplianceGrpc();
        app.MapGrpcService<TestReportService>();
        app.MapGrpcService<TestSyncService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
