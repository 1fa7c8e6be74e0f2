using System.Net.Sockets;

namespace Appliance.Sip.Tests.Support;

/// <summary>
/// A UDP socket on 127.0.0.1:5060, where RFC 3261 §18.2.2 sends the responses to a request whose Via names no port
/// (received address, sent-by port, 5060 by default): most RFC 4475 messages have such a Via. The tests that need it
/// share one collection, so the port is bound once and never by two tests at a time.
/// </summary>
public sealed class DefaultSipPort : IDisposable
{
    public const int Port = 5060;

    public DefaultSipPort()
    {
        try
        {
            Socket = new UdpTestSocket(Port);
        }
        catch (SocketException error)
        {
            throw new InvalidOperationException(
                $"UDP 127.0.0.1:{Port} is taken by another process ({error.SocketErrorCode}); these tests receive there the responses §18.2.2 routes to a Via without a port.", error);
        }
    }

    public UdpTestSocket Socket { get; }

    public void Dispose() => Socket.Dispose();
}

/// <summary>The tests that receive on <see cref="DefaultSipPort"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultSipPortCollection : ICollectionFixture<DefaultSipPort>
{
    public const string Name = "UDP 127.0.0.1:5060";
}
