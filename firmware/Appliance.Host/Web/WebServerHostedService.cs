using Appliance.Core.Complaints;
using System.Net;
using Appliance.Core.Acd;
using Appliance.Core.Directory;
using Appliance.Core.Reports;
using Appliance.Host.Web.Internal;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Web;

/// <summary>
/// Runs the <see cref="WebServer"/> with the appliance when <see cref="WebOptions.Enabled"/> is set. Resolves the call
/// center only in <see cref="StartAsync"/>, after the call-center start-up has loaded the configuration.
/// </summary>
internal sealed class WebServerHostedService(IServiceProvider services, IOptions<WebOptions> options) : IHostedService, IAsyncDisposable
{
    private WebServer? _server;

    /// <summary>Where it listens, or null when it is off.</summary>
    public Uri? Address => _server?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var loggers = services.GetRequiredService<ILoggerFactory>();
        var database = services.GetRequiredService<ApplianceDatabase>();
        var directory = services.GetRequiredService<ICallCenterDirectory>();
        var credentials = new SipCredentialRepository(database);
        var feed = new ScreenPopFeed();
        services.GetRequiredService<AgentOffers>().Changed += feed.Publish;
        var digest = new HttpDigestAuthenticator(
            extension => credentials.GetByExtension(extension) is { } found && directory.Agent(found.AgentId) is not null ? found : null,
            services.GetRequiredService<IOptions<DigestChallengerOptions>>().Value.Realm,
            TimeSpan.FromSeconds(settings.NonceLifetimeSeconds),
            services.GetRequiredService<TimeProvider>());
        var builder = new ScreenPopBuilder(new CallerHistoryRepository(database), settings, loggers.CreateLogger<WebServer>());
        _server = await WebServer.StartAsync(
            new IPEndPoint(IPAddress.Parse(settings.ListenAddress), settings.Port), feed, builder, digest,
            new AgentTimeQuery(database, services.GetRequiredService<TimeProvider>()), services.GetService<ComplaintService>(), loggers, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }
}
