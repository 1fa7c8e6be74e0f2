using Appliance.Drivers.Simulated.Internal;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// One call on a line port, seen from the far end's side: an inbound call the exchange places (the caller), or an
/// outbound one the box dials (the callee, <see cref="DialledNumber"/> set): its state, what the box sent, and a script of
/// what the far end does once answered. Thread-safe; the exchange advances it on its tick and raises its events from there.
/// </summary>
public sealed class SimulatedCall
{
    private readonly object _gate;
    private readonly Queue<CallerStep> _script = new();
    private SimulatedCallState _state = SimulatedCallState.Ringing;
    private SimulatedCallEndReason? _endReason;
    private DateTimeOffset? _answeredAt;
    private DateTimeOffset? _endedAt;
    private int _ringCount;
    private bool _hangUpRequested;

    internal SimulatedCall(string id, int portNumber, SimulatedCallRequest request, DateTimeOffset placedAt, short[]? callerIdBurst, int audioLimitSamples, object gate, string? dialledNumber = null)
    {
        DialledNumber = dialledNumber;
        Id = id;
        PortNumber = portNumber;
        Request = request;
        PlacedAt = placedAt;
        CallerIdBurst = callerIdBurst;
        ReceivedAudio = new CapturedAudio(audioLimitSamples);
        _gate = gate;
    }

    /// <summary>Raised from the exchange tick when the box answers (or, for a call the box dialled, when the callee does).</summary>
    public event EventHandler? Answered;

    /// <summary>Raised from the exchange tick when the call ends.</summary>
    public event EventHandler<SimulatedCallEndedEventArgs>? Ended;

    /// <summary>The exchange's id for the call, used in log lines.</summary>
    public string Id { get; }

    /// <summary>The port the call was placed on.</summary>
    public int PortNumber { get; }

    /// <summary>The number the box dialled, for a call the box made; null for an inbound call.</summary>
    public string? DialledNumber { get; }

    /// <summary>What the caller is like.</summary>
    public SimulatedCallRequest Request { get; }

    /// <summary>When the call was placed.</summary>
    public DateTimeOffset PlacedAt { get; }

    /// <summary>Everything the box sent down the line while the call was connected and the line alive (capped).</summary>
    public CapturedAudio ReceivedAudio { get; }

    /// <summary>Ringing, connected or ended.</summary>
    public SimulatedCallState State => Locked(static call => call._state);

    /// <summary>Why the call ended; null while it has not.</summary>
    public SimulatedCallEndReason? EndReason => Locked(static call => call._endReason);

    /// <summary>When the box answered; null if it has not.</summary>
    public DateTimeOffset? AnsweredAt => Locked(static call => call._answeredAt);

    /// <summary>When the call ended; null while it has not.</summary>
    public DateTimeOffset? EndedAt => Locked(static call => call._endedAt);

    /// <summary>How many rings (whole cadence cycles) have started.</summary>
    public int RingCount => Locked(static call => call._ringCount);

    /// <summary>Script steps not yet started.</summary>
    public int PendingSteps => Locked(static call => call._script.Count);

    internal short[]? CallerIdBurst { get; }

    /// <summary>The caller's steps; only touched under the exchange lock.</summary>
    internal Queue<CallerStep> Script => _script;

    internal bool HangUpRequested => _hangUpRequested;

    /// <summary>Adds steps to the end of the script. Steps added to an ended call are ignored.</summary>
    public SimulatedCall Enqueue(params CallerStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
        }

        lock (_gate)
        {
            if (_state != SimulatedCallState.Ended)
            {
                foreach (var step in steps)
                {
                    _script.Enqueue(step);
                }
            }
        }

        return this;
    }

    /// <summary>Adds a <see cref="CallerStep.Wait"/> step.</summary>
    public SimulatedCall Wait(TimeSpan duration) => Enqueue(CallerStep.Wait(duration));

    /// <summary>Adds a <see cref="CallerStep.SendDtmf"/> step.</summary>
    public SimulatedCall SendDtmf(string digits, int toneMs = 100, int gapMs = 100, double levelDbm0 = -10)
        => Enqueue(CallerStep.SendDtmf(digits, toneMs, gapMs, levelDbm0));

    /// <summary>Adds a <see cref="CallerStep.PlayTone"/> step.</summary>
    public SimulatedCall PlayTone(double frequency1Hz, double frequency2Hz, TimeSpan duration, double levelDbm0 = -15)
        => Enqueue(CallerStep.PlayTone(frequency1Hz, frequency2Hz, duration, levelDbm0));

    /// <summary>Adds a <see cref="CallerStep.PlaySamples"/> step.</summary>
    public SimulatedCall PlaySamples(short[] samples) => Enqueue(CallerStep.PlaySamples(samples));

    /// <summary>Adds a <see cref="CallerStep.HangUp"/> step.</summary>
    public SimulatedCall HangUp() => Enqueue(CallerStep.HangUp());

    /// <summary>Adds a <see cref="CallerStep.KillLine"/> step.</summary>
    public SimulatedCall KillLine() => Enqueue(CallerStep.KillLine());

    /// <summary>Adds a <see cref="CallerStep.RestoreLine"/> step.</summary>
    public SimulatedCall RestoreLine() => Enqueue(CallerStep.RestoreLine());

    /// <summary>The caller hangs up at the next tick, whatever the script holds.</summary>
    public void HangUpNow()
    {
        lock (_gate)
        {
            if (_state != SimulatedCallState.Ended)
            {
                _hangUpRequested = true;
                _script.Clear();
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} on port {PortNumber}: {State}";

    internal void MarkRing() => _ringCount++;

    internal void MarkAnswered(DateTimeOffset at)
    {
        _state = SimulatedCallState.Connected;
        _answeredAt = at;
    }

    internal void MarkEnded(SimulatedCallEndReason reason, DateTimeOffset at)
    {
        _state = SimulatedCallState.Ended;
        _endReason = reason;
        _endedAt = at;
        _script.Clear();
    }

    internal void RaiseAnswered(Action<Exception> onError) => EventInvoker.Raise(Answered, this, onError);

    internal void RaiseEnded(SimulatedCallEndedEventArgs args, Action<Exception> onError) => EventInvoker.Raise(Ended, this, args, onError);

    private T Locked<T>(Func<SimulatedCall, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }
}
