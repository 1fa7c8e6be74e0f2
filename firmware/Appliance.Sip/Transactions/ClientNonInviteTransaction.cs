using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (Timers E, F, K).</summary>
public sealed class ClientNonInviteTransaction : SipClientTransaction
{
    private ITimer? _timerE;
    private TimeSpan _intervalE;

    public ClientNonInviteTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
        : base(request, remote, transport, timers, time)
    {
        State = SipTransactionState.Trying;
    }

    public override void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Transport.IsReliable)
            {
                _intervalE = Timers.T1;
                _timerE = StartTimer(OnTimerE, _intervalE);
            }

            StartTimer(OnTimerF, SixtyFourT1);
        }
    }

    public override void HandleResponse(SipResponse response)
    {
        var deliver = false;
        var terminated = false;
        lock (Gate)
        {
            if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                deliver = true;
                if (response.IsProvisional)
                {
                    State = SipTransactionState.Proceeding;
                }
                else
                {
                    State = SipTransactionState.Completed;
                    _timerE?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    if (Transport.IsReliable)
                    {
                        terminated = TerminateLocked();
                    }
                    else
                    {
                        StartTimer(OnTimerK, Timers.T4);
                    }
                }
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

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            Send(Request);
            _intervalE = State == SipTransactionState.Proceeding ? Timers.T2 : TimeSpan.FromTicks(Math.Min(_intervalE.Ticks * 2, Timers.T2.Ticks));
            _timerE?.Change(_intervalE, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimerF()
    {
        bool terminated;
        lock (Gate)
        {
            terminated = State is SipTransactionState.Trying or SipTransactionState.Proceeding && TerminateLocked();
        }

        if (terminated)
        {
            RaiseTermination(timedOut: true);
        }
    }

    private void OnTimerK()
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
