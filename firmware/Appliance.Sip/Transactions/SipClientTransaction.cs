using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>A client transaction: sends a request, retransmits it, and passes responses up.</summary>
public abstract class SipClientTransaction : SipTransaction
{
    protected SipClientTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
    }

    /// <summary>Responses for the transaction user; retransmissions the machine absorbs are not raised.</summary>
    public event Action<SipResponse>? ResponseReceived;

    /// <summary>Sends the request and arms the timers.</summary>
    public abstract void Start();

    /// <summary>Feeds a response whose top Via branch and CSeq method match this transaction.</summary>
    public abstract void HandleResponse(SipResponse response);

    protected void Deliver(SipResponse response) => ResponseReceived?.Invoke(response);
}
