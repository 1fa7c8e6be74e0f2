using System.Net;
using Appliance.Core.Complaints;
using Appliance.Core.Reports;
using Appliance.Host.Control.Internal;
using Appliance.Host.Web.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Web;

/// <summary>
/// The web listener: a Kestrel server of its own, HTTP/1.1 only, on a loopback address, so the control API (a Unix
/// socket) never becomes reachable over TCP. Today it serves the agent desk (/agent/v1); the web admin adds its pages here.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where it listens (with the actual port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/>.</summary>
    /// <exception cref="IOException">The address is in use or cannot be bound (the message names it).</exception>
    public static async Task<WebServer> StartAsync(
        IPEndPoint endpoint, ScreenPopFeed feed, ScreenPopBuilder builder, HttpDigestAuthenticator digest, AgentTimeQuery times,
        ComplaintService? complaints, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var web = WebApplication.CreateSlimBuilder();
        web.Logging.ClearProviders();
        web.Services.AddSingleton(loggerFactory);
        web.Services.AddProblemDetails();
        web.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = web.Build();
        var logger = loggerFactory.CreateLogger<WebServer>();
        var v1 = app.MapAgentDeskApi(feed, builder, digest, logger);
        v1.MapAgentTimeApi(times);

        // The agent's complaint tickets: the same endpoints as the control API, the actor always the authenticated agent.
        v1.MapTicketEndpoints(_ => complaints, (http, _) => http.Items[AgentDeskApi.AgentKey] as string);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync();
            throw new IOException($"the web listener cannot listen on {endpoint}: {exception.Message}", exception);
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        WebLog.Listening(logger, address.ToString());
        return new WebServer(app, address);
    }

    /// <summary>Stops listening; open event streams are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
