using System.Net.Sockets;

namespace Appliance.Host.Tests.Tickets;

/// <summary>An HTTP client on the control socket for sending raw bodies the typed client would never produce.</summary>
internal static class UnixSocketHttp
{
    public static HttpClient Create(string socketPath) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = new Uri("http://appliance/") };
}
