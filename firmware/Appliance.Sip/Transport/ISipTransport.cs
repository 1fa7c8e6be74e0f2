using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Transport;

/// <summary>Sends serialised SIP messages to a peer and reports what arrives. UDP and TCP implement it; tests use a recording fake.</summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>"UDP" or "TCP", as written in Via.</summary>
    string Protocol { get; }

    /// <summary>Reliable transports (TCP) do not need retransmissions (§17.1.1.2).</summary>
    bool IsReliable { get; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>Raised for every well-formed message received, on the receive loop's thread.</summary>
    event Action<SipMessage, IPEndPoint>? MessageReceived;

    /// <summary>Queues <paramref name="message"/> to <paramref name="remote"/>; never throws for network errors (they are logged).</summary>
    void Send(SipMessage message, IPEndPoint remote);

    /// <summary>
    /// Queues a response where <paramref name="route"/> says (§18.2.2): on a reliable transport the connection the request
    /// came on, else (or once that has closed) the route's destination. A route that refuses is logged, nothing is sent.
    /// </summary>
    void SendResponse(SipResponse response, SipResponseRoute route);
}
