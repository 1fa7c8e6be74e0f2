using System.Net;
using Appliance.Sync.Reporting.Internal;
using Appliance.Sync.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Reporting;

/// <summary>
/// A Kestrel server of its own (HTTP/2, Grpc.AspNetCore) serving only the report service and the gRPC health service
/// (SERVING while the event log can be read),
/// so the control API never becomes reachable over TCP and the report port carries nothing else. Unknown methods answer
/// UNIMPLEMENTED; report calls without head office's key, UNAUTHENTICATED.
/// </summary>
public sealed class ReportServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address it listens on (with the actual port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/>.</summary>
    /// <exception cref="IOException">The address is in use or cannot be bound (the message names it).</exception>
    public static async Task<ReportServer> StartAsync(
        BranchReportService service, IPEndPoint endpoint, ICallAuthorizer authorizer, TimeProvider timeProvider,
        ILoggerFactory loggerFactory, GrpcServerOptions? grpcOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(authorizer);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton(Options.Create(grpcOptions ?? new GrpcServerOptions()));
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(authorizer);
        builder.Services.AddApplianceGrpc().AuthorizeWith<BranchReportService, ICallAuthorizer>();
        builder.Services.AddHealthChecks().AddCheck("event-log", service.CheckEventLog);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenGrpc(endpoint);
        });
        var app = builder.Build();
        app.UseApplianceGrpc();
        app.MapGrpcService<BranchReportService>();
        app.MapGrpcHealthChecksService();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync();
            throw new IOException($"the report service cannot listen on {endpoint}: {exception.Message}", exception);
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        ReportLog.Listening(loggerFactory.CreateLogger<ReportServer>(), address.ToString());
        return new ReportServer(app, address);
    }

    /// <summary>Stops listening; open streams are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
