using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;
using Microsoft.Extensions.Logging;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// The exchange's side of one line: idle, alerting, connected, or holding the disconnect signal
/// after the far end left; and for calls the box makes, dialling, ringing the callee or refusing
/// (LineMachine.Outbound.cs). Advanced one 20 ms frame at a time under the exchange lock; events go
/// to an outbox the exchange raises after unlocking.
/// </summary>
internal sealed partial class LineMachine
{
    private const double LineNoiseDbm0 = -70;
    private static readonly int CallerIdDelayFrames = 500 / LineAudio.FrameMilliseconds;

    private readonly SimulatedLinePort _port;
    private readonly DisconnectSignal _disconnectSignal;
    private readonly ILogger _logger;
    private readonly bool[] _ringOnAtFrame;
    private readonly int _callerIdStartFrame;
    private readonly CadencedTone _dialTone;
    private readonly CadencedTone _busyTone;
    private readonly WhiteNoiseSource _lineNoise;
    private readonly short[] _frame = new short[LineAudio.FrameSamples];
    private readonly short[] _boxFrame = new short[LineAudio.FrameSamples];
    private readonly List<SimulatedCall> _pendingCalls = [];
    private readonly Queue<bool> _lineCommands = new();
    private LinePhase _phase = LinePhase.Idle;
    private SimulatedCall? _call;
    private CallerScriptRunner? _runner;
    private LineHookState _lastHook = LineHookState.OnHook;
    private int _frameInCycle;
    private int _callerIdPosition;

    public LineMachine(SimulatedLinePort port, ExchangeCountry country, DisconnectSignal disconnectSignal, OutboundRoutes routes, ILogger logger)
    {
        _port = port;
        _routes = routes;
        _disconnectSignal = disconnectSignal;
        _logger = logger;
        var frame = TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds);
        var cadence = country.RingCadence;
        _ringOnAtFrame = new bool[(int)(cadence.CycleLength.Ticks / frame.Ticks)];
        for (var i = 0; i < _ringOnAtFrame.Length; i++)
        {
            _ringOnAtFrame[i] = cadence.IsRingingAt(frame * i);
        }

        _callerIdStartFrame = (int)(cadence.LastBurstEnd.Ticks / frame.Ticks) + CallerIdDelayFrames;
        _dialTone = new CadencedTone(country.DialTone);
        _busyTone = new CadencedTone(country.BusyTone);
        _ringbackTone = new CadencedTone(country.RingbackTone);
        _congestionTone = new CadencedTone(country.CongestionTone);
        _ringbackCycleFrames = (int)((country.RingbackTone.On + country.RingbackTone.Off).Ticks / frame.Ticks);
        _lineNoise = new WhiteNoiseSource(LineNoiseDbm0, seed: port.PortNumber);
    }

    private enum LinePhase
    {
        Idle,
        Alerting,
        Connected,
        FarEndGone,
        Dialling,
        CalleeRinging,
        Refused,
    }

    public SimulatedLinePort Port => _port;

    /// <summary>The call alerting or connected on the line, else the oldest one waiting for the next tick.</summary>
    public SimulatedCall? ActiveCall => _call ?? (_pendingCalls.Count > 0 ? _pendingCalls[0] : null);

    public void Offer(SimulatedCall call) => _pendingCalls.Add(call);

    public void RequestLineVoltage(bool present) => _lineCommands.Enqueue(present);

    public void Tick(DateTimeOffset now, List<Notification> outbox)
    {
        var hook = _port.HookState;
        if (hook != _lastHook)
        {
            OnHookChanged(hook);
        }

        while (_lineCommands.TryDequeue(out var present))
        {
            SetLineVoltage(present, now, outbox);
        }

        AcceptPendingCalls(hook, now, outbox);
        if (_call is { HangUpRequested: true })
        {
            FarEndHangsUp(now, outbox);
        }

        switch (_phase)
        {
            case LinePhase.Idle:
                TickIdle(now, outbox);
                break;
            case LinePhase.Alerting:
                TickAlerting(hook, now, outbox);
                break;
            case LinePhase.Connected:
                TickConnected(hook, now, outbox);
                break;
            case LinePhase.FarEndGone:
                TickFarEndGone(hook, now, outbox);
                break;
            case LinePhase.Dialling:
                TickDialling(hook, now, outbox);
                break;
            case LinePhase.CalleeRinging:
                TickCalleeRinging(hook, now, outbox);
                break;
            case LinePhase.Refused:
                TickRefused(hook);
                break;
        }
    }

    private void OnHookChanged(LineHookState hook)
    {
        _lastHook = hook;
        if (hook == LineHookState.OffHook)
        {
            if (_phase == LinePhase.Idle)
            {
                // A seizure: the box wants to dial out. (Off hook while alerting answers the inbound call instead.)
                StartDialling();
            }
        }
        else
        {
            // Whatever was queued either way belongs to the connection the box just dropped.
            _port.ToBox.Clear();
            _port.FromBox.Clear();
        }
    }

    private void AcceptPendingCalls(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        foreach (var call in _pendingCalls)
        {
            if (call.HangUpRequested)
            {
                End(call, SimulatedCallEndReason.FarEndHungUp, now, outbox);
            }
            else if (!_port.HasLineVoltage)
            {
                End(call, SimulatedCallEndReason.LineDead, now, outbox);
            }
            else if (_phase != LinePhase.Idle || hook == LineHookState.OffHook)
            {
                End(call, SimulatedCallEndReason.LineBusy, now, outbox);
            }
            else
            {
                _call = call;
                _phase = LinePhase.Alerting;
                _frameInCycle = 0;
                _callerIdPosition = 0;
                _port.ToBox.Clear();
            }
        }

        _pendingCalls.Clear();
    }

    private void TickIdle(DateTimeOffset now, List<Notification> outbox)
    {
        // A call the box made may end with the polarity its answer reversed; an idle line has the idle polarity.
        if (_port.Polarity == LinePolarity.Reversed)
        {
            _port.SetPolarity(LinePolarity.Normal);
            outbox.Add(Signal(LineSignal.PolarityReversed, now));
        }
    }

    private void TickAlerting(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        var call = _call!;
        if (hook == LineHookState.OffHook)
        {
            Answer(call, now, outbox);
            TickConnected(hook, now, outbox);
            return;
        }

        if (_frameInCycle == 0)
        {
            call.MarkRing();
        }

        var ringOn = _ringOnAtFrame[_frameInCycle];
        if (ringOn != _port.IsRinging)
        {
            _port.SetRinging(ringOn);
            outbox.Add(Signal(ringOn ? LineSignal.RingStarted : LineSignal.RingStopped, now));
        }

        Array.Clear(_frame);
        if (call.RingCount == 1 && call.CallerIdBurst is { } burst && _frameInCycle >= _callerIdStartFrame && _callerIdPosition < burst.Length)
        {
            var count = Math.Min(burst.Length - _callerIdPosition, _frame.Length);
            burst.AsSpan(_callerIdPosition, count).CopyTo(_frame);
            _callerIdPosition += count;
            if (_callerIdPosition == burst.Length)
            {
                ExchangeLog.CallerIdSent(_logger, call.Id, _port.PortNumber, burst.Length);
            }
        }

        _port.ToBox.Write(_frame);
        if (++_frameInCycle == _ringOnAtFrame.Length)
        {
            _frameInCycle = 0;
            if (call.RingCount >= call.Request.MaxRings)
            {
                End(call, SimulatedCallEndReason.NotAnswered, now, outbox);
            }
        }
    }

    private void Answer(SimulatedCall call, DateTimeOffset now, List<Notification> outbox)
    {
        StopRinging(now, outbox);
        call.MarkAnswered(now);
        _phase = LinePhase.Connected;
        _runner = new CallerScriptRunner(call.Script, _lineNoise);
        outbox.Add(new Notification(NotificationKind.CallAnswered, now, _port, Call: call));
        ExchangeLog.CallAnswered(_logger, call.Id, _port.PortNumber);
    }

    private void TickConnected(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        var call = _call!;
        if (hook == LineHookState.OnHook)
        {
            End(call, _port.HasLineVoltage ? SimulatedCallEndReason.BoxHungUp : SimulatedCallEndReason.LineDead, now, outbox);
            return;
        }

        var action = _runner!.FillFrame(_frame, out var startedStep);
        if (startedStep is not null)
        {
            ExchangeLog.StepStarted(_logger, call.Id, _port.PortNumber, startedStep);
        }

        switch (action)
        {
            case CallerAction.HangUp:
                FarEndHangsUp(now, outbox);
                break;
            case CallerAction.KillLine:
                SetLineVoltage(false, now, outbox);
                break;
            case CallerAction.RestoreLine:
                SetLineVoltage(true, now, outbox);
                break;
        }

        if (!_port.HasLineVoltage)
        {
            Array.Clear(_frame);
        }

        _port.ToBox.Write(_frame);
        if (_port.FromBox.TryRead(_boxFrame) && _phase == LinePhase.Connected && _port.HasLineVoltage)
        {
            call.ReceivedAudio.Append(_boxFrame);
        }
    }

    private void TickFarEndGone(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        if (hook == LineHookState.OnHook)
        {
            _phase = LinePhase.Idle;
            if (_port.Polarity == LinePolarity.Reversed)
            {
                _port.SetPolarity(LinePolarity.Normal);
                outbox.Add(Signal(LineSignal.PolarityReversed, now));
            }

            return;
        }

        if (!_port.HasLineVoltage)
        {
            Array.Clear(_frame);
        }
        else if (_disconnectSignal != DisconnectSignal.PolarityReversal)
        {
            _busyTone.Render(_frame);
        }
        else
        {
            _lineNoise.Render(_frame);
        }

        _port.ToBox.Write(_frame);
        _port.FromBox.TryRead(_boxFrame); // the caller is gone; nobody hears the box
    }

    private void FarEndHangsUp(DateTimeOffset now, List<Notification> outbox)
    {
        var call = _call!;
        if (_phase == LinePhase.Alerting)
        {
            // The caller gave up before the box answered: the ringing just stops.
            StopRinging(now, outbox);
            End(call, SimulatedCallEndReason.FarEndHungUp, now, outbox);
            return;
        }

        End(call, SimulatedCallEndReason.FarEndHungUp, now, outbox);
        _phase = LinePhase.FarEndGone;
        _busyTone.Restart();
        if (_disconnectSignal != DisconnectSignal.BusyTone && _port.HasLineVoltage)
        {
            ReversePolarity(now, outbox);
        }
    }

    private void SetLineVoltage(bool present, DateTimeOffset now, List<Notification> outbox)
    {
        if (present == _port.HasLineVoltage)
        {
            return;
        }

        if (!present)
        {
            StopRinging(now, outbox);
            _port.SetLineVoltage(false);
            outbox.Add(Signal(LineSignal.LineVoltageLost, now));
            ExchangeLog.LineKilled(_logger, _port.PortNumber);
            if (_phase == LinePhase.Alerting)
            {
                End(_call!, SimulatedCallEndReason.LineDead, now, outbox);
            }

            return;
        }

        _port.SetLineVoltage(true);
        outbox.Add(Signal(LineSignal.LineVoltageRestored, now));
        ExchangeLog.LineRestored(_logger, _port.PortNumber);
    }

    private void StopRinging(DateTimeOffset now, List<Notification> outbox)
    {
        if (_port.IsRinging)
        {
            _port.SetRinging(false);
            outbox.Add(Signal(LineSignal.RingStopped, now));
        }
    }

    /// <summary>Ends <paramref name="call"/>; if it is the line's call, the line goes idle (or holds the disconnect signal, set by the caller).</summary>
    private void End(SimulatedCall call, SimulatedCallEndReason reason, DateTimeOffset now, List<Notification> outbox)
    {
        call.MarkEnded(reason, now);
        outbox.Add(new Notification(NotificationKind.CallEnded, now, _port, Call: call, Reason: reason));
        ExchangeLog.CallEnded(_logger, call.Id, _port.PortNumber, reason);
        if (ReferenceEquals(call, _call))
        {
            _call = null;
            _runner = null;
            _phase = LinePhase.Idle;
        }
    }

    /// <summary>Swaps tip and ring: after an answer that reversed them, the disconnect reverses them back.</summary>
    private void ReversePolarity(DateTimeOffset now, List<Notification> outbox)
    {
        _port.SetPolarity(_port.Polarity == LinePolarity.Normal ? LinePolarity.Reversed : LinePolarity.Normal);
        outbox.Add(Signal(LineSignal.PolarityReversed, now));
    }

    private Notification Signal(LineSignal signal, DateTimeOffset at) => new(NotificationKind.LineSignal, at, _port, signal);
}
