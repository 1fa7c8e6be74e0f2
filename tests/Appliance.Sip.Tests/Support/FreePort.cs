using System.Net;
using System.Net.Sockets;

namespace Appliance.Sip.Tests.Support;

/// <summary>Ports for external tools that need one on their command line (small race accepted: loopback only, tests retry by protocol).</summary>
internal static class FreePort
{
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
