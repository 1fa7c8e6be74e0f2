using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>A server transaction: absorbs request retransmissions and sends the transaction user's responses reliably.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    protected SipServerTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
    }

    /// <summary>The last response sent, resent when the request is retransmitted.</summary>
    protected SipResponse? LastResponse { get; set; }

    /// <summary>Sends a response from the transaction user.</summary>
    public abstract void SendResponse(SipResponse response);

    /// <summary>Feeds a retransmission of the request (same branch, sent-by and method).</summary>
    public abstract void HandleRetransmission();
}
