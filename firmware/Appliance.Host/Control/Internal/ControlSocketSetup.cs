using System.Net;
using System.Net.Sockets;
using Appliance.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// Kestrel listens only on the control socket (like asterisk.ctl): no TCP port, whatever ASPNETCORE_URLS says,
/// and the socket file is readable and writable by its owner only.
/// </summary>
internal static class ControlSocketSetup
{
    // Control requests are small JSON documents; anything bigger is a mistake or an attack.
    private const long MaximumRequestBodyBytes = 64 * 1024;

    public static void AddControlSocket(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();

        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ControlOptions>, ApplianceDataDirectory>((kestrel, control, dataDirectory) =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = MaximumRequestBodyBytes;
                kestrel.ListenUnixSocket(ListenPath(control, dataDirectory), listen => listen.Protocols = HttpProtocols.Http1);
            });

        builder.Services.AddOptions<SocketTransportOptions>()
            .Configure(transport => transport.CreateBoundListenSocket = CreateOwnerOnlySocket);
    }

    public static string SocketPath(ControlOptions options, ApplianceDataDirectory dataDirectory) =>
        dataDirectory.Resolve(options.SocketFile);

    // WebApplication.Build() already creates Kestrel's options, before `config check` or `run` have validated anything.
    // Invalid control options must not throw there: they are reported with every other failure and the host never
    // starts (ValidateOnStart stops it too). Some endpoint must still be set, or Kestrel would fall back to TCP port 5000.
    private static string ListenPath(IOptions<ControlOptions> control, ApplianceDataDirectory dataDirectory)
    {
        try
        {
            return SocketPath(control.Value, dataDirectory);
        }
        catch (OptionsValidationException)
        {
            return SocketPath(new ControlOptions(), dataDirectory);
        }
    }

    // Kestrel calls listen() after this returns, so narrowing the mode between bind() and listen() leaves no moment in
    // which another user could connect.
    private static Socket CreateOwnerOnlySocket(EndPoint endpoint)
    {
        var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        if (!OperatingSystem.IsWindows() && endpoint is UnixDomainSocketEndPoint && endpoint.ToString() is { Length: > 0 } path)
        {
            try
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        return socket;
    }
}
