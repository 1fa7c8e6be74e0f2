using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Transactions;

/// <summary>
/// Common plumbing of the four RFC 3261 §17 state machines: a lock, one-shot timers from the injected
/// <see cref="TimeProvider"/>, and termination. Events are raised after the lock is released.
/// </summary>
public abstract class SipTransaction : IDisposable
{
    private readonly List<ITimer> _timers = [];
    private readonly TimeProvider _time;

    protected SipTransaction(SipRequest request, IPEndPoint remote, ISipTransport transport, SipTimerOptions timers, TimeProvider time)
    {
        Request = request;
        Remote = remote;
        Transport = transport;
        Timers = timers;
        _time = time;
        Key = KeyOf(request.TopVia.Branch ?? string.Empty, request.Method);
    }

    /// <summary>Branch and method (ACK and CANCEL match against INVITE/own method as §17.2.3 says).</summary>
    public string Key { get; }

    public SipRequest Request { get; }

    public IPEndPoint Remote { get; }

    public SipTransactionState State { get; protected set; }

    /// <summary>Raised once when the transaction ends for any reason.</summary>
    public event Action<SipTransaction>? Terminated;

    /// <summary>Raised when Timer B, F, H or L expires: the peer never answered or never acknowledged.</summary>
    public event Action<SipTransaction>? TimedOut;

    protected object Gate { get; } = new();

    protected ISipTransport Transport { get; }

    protected SipTimerOptions Timers { get; }

    protected TimeSpan SixtyFourT1 => Timers.T1 * 64;

    public static string KeyOf(string branch, string method) => string.Concat(branch, "|", method == SipMethods.Ack ? SipMethods.Invite : method);

    public void Dispose()
    {
        lock (Gate)
        {
            StopTimers();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Arms a one-shot timer; a callback arriving after termination is ignored by the state checks.</summary>
    protected ITimer StartTimer(Action callback, TimeSpan due)
    {
        var timer = _time.CreateTimer(_ => callback(), null, due, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Moves to Terminated under the lock; the caller raises events via <see cref="RaiseTermination"/> outside it.</summary>
    protected bool TerminateLocked()
    {
        if (State == SipTransactionState.Terminated)
        {
            return false;
        }

        State = SipTransactionState.Terminated;
        StopTimers();
        return true;
    }

    protected void RaiseTermination(bool timedOut)
    {
        if (timedOut)
        {
            TimedOut?.Invoke(this);
        }

        Terminated?.Invoke(this);
    }

    protected void Send(SipMessage message) => Transport.Send(message, Remote);

    private void StopTimers()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
