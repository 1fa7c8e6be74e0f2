using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Tests.Support;

/// <summary>
/// An in-memory network: every message is written to bytes and parsed again (so the real wire path is exercised),
/// queued, and delivered when the test calls <see cref="Deliver"/>. A drop rule simulates loss.
/// </summary>
public sealed class FakeNetwork
{
    private readonly Dictionary<IPEndPoint, FakeTransport> _transports = [];
    private readonly Queue<(byte[] Bytes, IPEndPoint From, IPEndPoint To)> _queue = new();
    private readonly SipMessageParser _parser = new();

    /// <summary>Return true to lose a message in flight.</summary>
    public Func<SipMessage, bool> Drop { get; set; } = _ => false;

    public List<(SipMessage Message, IPEndPoint From, IPEndPoint To)> Sent { get; } = [];

    public FakeTransport Attach(int port, bool reliable = false)
    {
        var transport = new FakeTransport(this, new IPEndPoint(IPAddress.Loopback, port), reliable);
        _transports[transport.LocalEndPoint] = transport;
        return transport;
    }

    public int Deliver()
    {
        var count = 0;
        while (_queue.TryDequeue(out var item))
        {
            var result = _parser.ParseDatagram(item.Bytes);
            if (result.Message is not null && _transports.TryGetValue(item.To, out var target))
            {
                target.Receive(result.Message, item.From);
                count++;
            }
        }

        return count;
    }

    internal void Send(SipMessage message, IPEndPoint from, IPEndPoint to)
    {
        Sent.Add((message, from, to));
        if (!Drop(message))
        {
            _queue.Enqueue((SipMessageWriter.ToBytes(message), from, to));
        }
    }
}

/// <summary>One endpoint on a <see cref="FakeNetwork"/>.</summary>
public sealed class FakeTransport(FakeNetwork network, IPEndPoint local, bool reliable) : ISipTransport
{
    public string Protocol => reliable ? "TCP" : "UDP";

    public bool IsReliable => reliable;

    public IPEndPoint LocalEndPoint => local;

    public event Action<SipMessage, IPEndPoint>? MessageReceived;

    public void Send(SipMessage message, IPEndPoint remote) => network.Send(message, local, remote);

    /// <summary>As the real transports do: a reliable one answers its source, an unreliable one the route's destination.</summary>
    public void SendResponse(SipResponse response, SipResponseRoute route)
    {
        if ((reliable ? route.Source : route.Destination) is { } to)
        {
            network.Send(response, local, to);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal void Receive(SipMessage message, IPEndPoint from) => MessageReceived?.Invoke(message, from);
}
