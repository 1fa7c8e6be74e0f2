using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2 (Timer J).</summary>
public sealed class ServerNonInviteTransaction : SipServerTransaction
{
    public ServerNonInviteTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
        State = SipTransactionState.Trying;
    }

    public override void SendResponse(SipResponse response)
    {
        var terminated = false;
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                throw new InvalidOperationException($"Cannot send {response.StatusCode} in state {State}.");
            }

            LastResponse = response;
            Deliver(response);
            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
                return;
            }

            State = SipTransactionState.Completed;
            if (Transport.IsReliable)
            {
                terminated = TerminateLocked();
            }
            else
            {
                StartTimer(OnTimerJ, SixtyFourT1);
            }
        }

        if (terminated)
        {
            RaiseTermination(timedOut: false);
        }
    }

    public override void HandleRetransmission()
    {
        lock (Gate)
        {
            // In Trying there is nothing to resend yet; the retransmission is simply absorbed.
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
            {
                Deliver(LastResponse);
            }
        }
    }

    private void OnTimerJ()
    {
        bool terminated;
        lock (Gate)
        {
            terminated = State == SipTransactionState.Completed && TerminateLocked();
        }

        if (terminated)
        {
            RaiseTermination(timedOut: false);
        }
    }
}
