using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;
using Appliance.Sip.Transport.Internal;

namespace Appliance.Sip.Transactions;

/// <summary>A server transaction: absorbs request retransmissions and sends the transaction user's responses reliably.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private SipResponse? _lastResponse;

    protected SipServerTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
        // The transports stamped the top Via with received and rport, so the Via alone says where answers go.
        Route = ResponseRouting.For(request.TopVia, remote, transport.IsReliable);
    }

    /// <summary>Where every response of this transaction goes (§18.2.2): fixed by the request that created it.</summary>
    public SipResponseRoute Route { get; }

    /// <summary>The To tag of the last response sent (null before one, or for a 100): what a non-2xx ACK must carry (§17.2.3).</summary>
    public string? ResponseToTag { get; private set; }

    /// <summary>The last response sent, resent when the request is retransmitted.</summary>
    protected SipResponse? LastResponse
    {
        get => _lastResponse;
        set
        {
            _lastResponse = value;
            ResponseToTag = value?.To.Tag;
        }
    }

    /// <summary>Sends a response from the transaction user.</summary>
    public abstract void SendResponse(SipResponse response);

    /// <summary>Feeds a retransmission of the request (same transaction by the §17.2.3 rules).</summary>
    public abstract void HandleRetransmission();

    /// <summary>Puts a response on the wire along <see cref="Route"/>.</summary>
    protected void Deliver(SipResponse response) => Transport.SendResponse(response, Route);
}
