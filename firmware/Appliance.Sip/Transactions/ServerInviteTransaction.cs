using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Timers G, H, I), with the Accepted state of RFC 6026 in which
/// the 2xx is retransmitted (T1 doubling to T2, §13.3.1.4) until the ACK arrives or Timer L (64*T1) gives up.
/// </summary>
public sealed class ServerInviteTransaction : SipServerTransaction
{
    private ITimer? _retransmitTimer;
    private TimeSpan _interval;

    public ServerInviteTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>Raised when the ACK for the final response arrives.</summary>
    public event Action<SipRequest>? AckReceived;

    /// <summary>Sends 100 Trying at once so the client stops retransmitting (§17.2.1).</summary>
    public void SendTrying()
    {
        SendResponse(SipResponse.CreateFor(Request, 100, "Trying"));
    }

    public override void SendResponse(SipResponse response)
    {
        bool terminated = false;
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding)
            {
                throw new InvalidOperationException($"Cannot send {response.StatusCode} in state {State}.");
            }

            LastResponse = response;
            Deliver(response);
            if (response.IsProvisional)
            {
                return;
            }

            State = response.IsSuccess ? SipTransactionState.Accepted : SipTransactionState.Completed;
            if (!Transport.IsReliable)
            {
                _interval = Timers.T1;
                _retransmitTimer = StartTimer(OnRetransmitTimer, _interval);
            }

            // Timer H for non-2xx, Timer L for 2xx: both 64*T1.
            StartTimer(OnGiveUpTimer, SixtyFourT1);
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
            // In Accepted, retransmitted INVITEs are absorbed: the 2xx timer already covers them (RFC 6026 §8.5).
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
            {
                Deliver(LastResponse);
            }
        }
    }

    /// <summary>Feeds an ACK for this INVITE: for a non-2xx it matched by branch, for a 2xx by dialog (Call-ID and CSeq).</summary>
    public void HandleAck(SipRequest ack)
    {
        var raise = false;
        var terminated = false;
        lock (Gate)
        {
            if (State == SipTransactionState.Completed)
            {
                State = SipTransactionState.Confirmed;
                _retransmitTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                raise = true;
                if (Transport.IsReliable)
                {
                    terminated = TerminateLocked();
                }
                else
                {
                    // Timer I absorbs further ACK retransmissions.
                    StartTimer(OnTimerI, Timers.T4);
                }
            }
            else if (State == SipTransactionState.Accepted)
            {
                raise = true;
                terminated = TerminateLocked();
            }
        }

        if (raise)
        {
            AckReceived?.Invoke(ack);
        }

        if (terminated)
        {
            RaiseTermination(timedOut: false);
        }
    }

    private void OnRetransmitTimer()
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Completed or SipTransactionState.Accepted) || LastResponse is null)
            {
                return;
            }

            Deliver(LastResponse);
            _interval = TimeSpan.FromTicks(Math.Min(_interval.Ticks * 2, Timers.T2.Ticks));
            _retransmitTimer?.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnGiveUpTimer()
    {
        bool terminated;
        lock (Gate)
        {
            terminated = State is SipTransactionState.Completed or SipTransactionState.Accepted && TerminateLocked();
        }

        if (terminated)
        {
            RaiseTermination(timedOut: true);
        }
    }

    private void OnTimerI()
    {
        bool terminated;
        lock (Gate)
        {
            terminated = State == SipTransactionState.Confirmed && TerminateLocked();
        }

        if (terminated)
        {
            RaiseTermination(timedOut: false);
        }
    }
}
