using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>The INVITE client transaction of RFC 3261 §17.1.1 (Timers A, B, D).</summary>
public sealed class ClientInviteTransaction : SipClientTransaction
{
    private ITimer? _timerA;
    private TimeSpan _intervalA;

    public ClientInviteTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
        State = SipTransactionState.Calling;
    }

    public override void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Transport.IsReliable)
            {
                _intervalA = Timers.T1;
                _timerA = StartTimer(OnTimerA, _intervalA);
            }

            StartTimer(OnTimerB, SixtyFourT1);
        }
    }

    public override void HandleResponse(SipResponse response)
    {
        var deliver = false;
        var terminated = false;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    State = SipTransactionState.Proceeding;
                    _timerA?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    // The ACK for a 2xx belongs to the dialog, not to this transaction (§13.2.2.4).
                    terminated = TerminateLocked();
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    State = SipTransactionState.Completed;
                    _timerA?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    Send(BuildAck(response));
                    var timerD = Transport.IsReliable ? TimeSpan.Zero : Timers.TimerD;
                    StartTimer(OnTimerD, timerD);
                    deliver = true;
                    break;
                case SipTransactionState.Completed when response.StatusCode >= 300:
                    // A retransmitted final response means our ACK was lost: send it again, tell nobody.
                    Send(BuildAck(response));
                    break;
                default:
                    break;
            }
        }

        if (deliver)
        {
            Deliver(response);
        }

        if (terminated)
        {
            RaiseTermination(timedOut: false);
        }
    }

    /// <summary>The ACK for a non-2xx final response (§17.1.1.3): same branch, To from the response.</summary>
    private SipRequest BuildAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.RequestUri);
        ack.Headers.Add(SipHeaderNames.Via, Request.Headers[SipHeaderNames.Via]!);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, Request.Headers[SipHeaderNames.From]!);
        ack.Headers.Add(SipHeaderNames.To, response.Headers[SipHeaderNames.To]!);
        ack.Headers.Add(SipHeaderNames.CallId, Request.CallId!);
        ack.Headers.Add(SipHeaderNames.CSeq, $"{Request.CSeq.Sequence} {SipMethods.Ack}");
        foreach (var route in Request.Headers.GetAll(SipHeaderNames.Route))
        {
            ack.Headers.Add(SipHeaderNames.Route, route);
        }

        return ack;
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Calling)
            {
                return;
            }

            Send(Request);
            _intervalA *= 2;
            _timerA?.Change(_intervalA, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimerB()
    {
        bool terminated;
        lock (Gate)
        {
            terminated = State == SipTransactionState.Calling && TerminateLocked();
        }

        if (terminated)
        {
            RaiseTermination(timedOut: true);
        }
    }

    private void OnTimerD()
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
