using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Tests.Compat;

/// <summary>
/// A cleartext HTTP/2 endpoint on 127.0.0.1 that is no gRPC server at all: it keeps every request exactly as it arrived
/// (protocol, path, headers in order, body bytes) and answers each with one empty message and status OK, which any gRPC
/// client accepts as a response of any unary method (and as an empty stream). It shows what a client puts on the wire.
/// </summary>
internal sealed class WireDumpServer : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<WireDumpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var server = new WireDumpServer { _app = builder.Build() };
        server._app.Run(server.RecordAsync);
        await server._app.StartAsync();
        server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var headers = http.Request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key.ToLowerInvariant(), v ?? string.Empty })).ToList();
        Requests.Enqueue(new RecordedRequest(http.Request.Protocol, http.Request.Method, http.Request.Path.Value ?? string.Empty, headers, body.ToArray()));

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        await http.Response.Body.WriteAsync(new byte[5]);
        http.Response.AppendTrailer("grpc-status", "0");
    }
}
