using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;

namespace Appliance.Sip.Tests.Support;

/// <summary>A plain UDP socket on 127.0.0.1 standing for a peer: sends raw bytes, reads what arrives at its own port.</summary>
public sealed class UdpTestSocket : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpTestSocket(int port = 0)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Bytes waiting at this socket (loopback delivers a datagram before the sender's call returns).</summary>
    public int Available => _socket.Available;

    public async Task SendAsync(byte[] datagram, IPEndPoint to) => await _socket.SendToAsync(datagram, SocketFlags.None, to);

    /// <summary>The next datagram at this socket, parsed as a response (network I/O, so a real timeout is right).</summary>
    public async Task<SipResponse> ReceiveResponseAsync()
    {
        var buffer = new byte[65_536];
        var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(Patience);
        var result = new SipMessageParser().ParseDatagram(buffer.AsSpan(0, received.ReceivedBytes));
        return Assert.IsType<SipResponse>(result.Message);
    }

    /// <summary>The next datagram at this socket as text, for replies our strict parser would refuse.</summary>
    public async Task<string> ReceiveRawAsync()
    {
        var buffer = new byte[65_536];
        var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(Patience);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes);
    }

    /// <summary>Throws away what earlier tests left at this socket.</summary>
    public void Drain()
    {
        var buffer = new byte[65_536];
        while (_socket.Available > 0)
        {
            _socket.Receive(buffer);
        }
    }

    public void Dispose() => _socket.Dispose();
}
