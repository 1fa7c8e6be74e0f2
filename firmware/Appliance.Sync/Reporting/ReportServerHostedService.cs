using System.Net;
using Appliance.Sync.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Reporting;

/// <summary>Runs the <see cref="ReportServer"/> with the appliance when <see cref="ReportServiceOptions.Enabled"/> is set.</summary>
public sealed class ReportServerHostedService(
    BranchReportService service, IOptions<ReportServiceOptions> options, IOptions<GrpcServerOptions> grpcOptions, TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private ReportServer? _server;

    /// <summary>Where it listens, or null when it is off.</summary>
    public Uri? Address => _server?.Address;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var endpoint = new IPEndPoint(IPAddress.Parse(settings.ListenAddress), settings.Port);
        _server = await ReportServer.StartAsync(
            service, endpoint, new HeadOfficeKeyAuthorizer(settings.HeadOfficeKey), timeProvider, loggerFactory, grpcOptions.Value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }
}
