using System.Net;
using System.Security.Cryptography.X509Certificates;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Sync;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Hosting;

/// <summary>
/// The running head-office sync server: Kestrel (HTTP/2, Grpc.AspNetCore) serving SyncService, with branch credentials
/// checked on every call, and the gRPC health service (NOT_SERVING while PostgreSQL does not answer). The schema is
/// migrated before the port opens, so no branch ever talks to a half-built database.
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
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public static async Task<HeadOfficeServer> StartAsync(
        IConfiguration configuration, IPEndPoint listen, Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(listen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        configureLogging?.Invoke(builder.Logging);
        var services = builder.Services;
        services.AddOptions<GrpcServerOptions>().Bind(builder.Configuration.GetSection(GrpcServerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServerOptions>, GrpcServerOptionsValidator>());
        services.AddHeadOffice(builder.Configuration);
        services.AddApplianceGrpc().AuthorizeWith<HeadOfficeSyncService, BranchCredentialAuthorizer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<Grpc.AspNetCore.HealthChecks.GrpcHealthChecksOptions>(
            health => health.Services.Map(SyncService.Descriptor.FullName, _ => true));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(listen, certificate));
        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            app.UseApplianceGrpc();
            app.MapGrpcService<HeadOfficeSyncService>();
            app.MapGrpcHealthChecksService();
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
