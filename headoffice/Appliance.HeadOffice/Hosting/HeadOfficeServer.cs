using System.Security.Cryptography.X509Certificates;
using System.Net;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Sync;
using Appliance.Sync.Contracts;
using Appliance.Sync.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Hosting;

/// <summary>
/// The running head-office sync server: Kestrel (HTTP/2) serving SyncService, with branch credentials checked on every
/// call. The schema is migrated before the port opens, so no branch ever talks to a half-built database.
/// </summary>
public sealed class HeadOfficeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeadOfficeServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where branches reach this server, e.g. <c>http://127.0.0.1:5100/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The server's components, for tests and the CLI.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Migrates the database and starts listening on <paramref name="listen"/> (port 0 picks a free one).</summary>
    /// <param name="configureLogging">Null keeps ASP.NET Core's default console logging.</param>
    /// <param name="certificate">With a certificate (and its private key) the server speaks TLS; without, cleartext HTTP/2.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public static async Task<HeadOfficeServer> StartAsync(
        IConfiguration configuration, IPEndPoint listen, Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(listen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddGrpcTransport(builder.Configuration);
        builder.Services.AddHeadOffice(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(listen, certificate));
        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var sync = app.Services.GetRequiredService<HeadOfficeSyncService>();
            app.MapGrpcService(
                GrpcServiceDefinition.FromImplementation(SyncServiceContract.Service, sync),
                app.Services.GetRequiredService<BranchCredentialAuthorizer>());
            app.MapGrpcUnimplemented();
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HeadOfficeServer(app, new Uri(address));
    }

    /// <summary>Stops accepting calls, lets running ones finish, and closes the database pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
