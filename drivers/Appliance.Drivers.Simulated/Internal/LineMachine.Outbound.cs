using System.Text;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// Calls the box makes: a seized idle line gets dial tone; the exchange's register decodes the box's DTMF from the audio,
/// stops dial tone at the first digit, and routes the number once it is complete (a registered number no longer one
/// begins with, or <see cref="InterDigitTimeout"/> after the last digit): ringback to a callee, busy tone, or congestion.
/// </summary>
internal sealed partial class LineMachine
{
    /// <summary>How long after the last digit the register takes the number as complete.</summary>
    public static readonly TimeSpan InterDigitTimeout = TimeSpan.FromSeconds(3);

    private static readonly int InterDigitFrames = (int)(InterDigitTimeout / TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds));

    private readonly OutboundRoutes _routes;
    private readonly CadencedTone _ringbackTone;
    private readonly CadencedTone _congestionTone;
    private readonly int _ringbackCycleFrames;
    private readonly StringBuilder _dialled = new();
    private ExchangeDtmfReceiver _register = new();
    private CadencedTone? _refusalTone;
    private int _framesSinceDigit;
    private int _frameInRingback;
    private int _answerAfterRings;

    private void StartDialling()
    {
        _phase = LinePhase.Dialling;
        _dialled.Clear();
        _register = new ExchangeDtmfReceiver();
        _framesSinceDigit = 0;
        _dialTone.Restart();
    }

    private void TickDialling(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        if (hook == LineHookState.OnHook)
        {
            _phase = LinePhase.Idle;
            return;
        }

        var complete = false;
        if (_port.FromBox.TryRead(_boxFrame) && _port.HasLineVoltage && _register.Process(_boxFrame) is var digit and not '\0')
        {
            _dialled.Append(digit);
            _framesSinceDigit = 0;
            complete = _routes.Callees.IsComplete(_dialled.ToString());
        }

        if (!_port.HasLineVoltage)
        {
            Array.Clear(_frame);
        }
        else if (_dialled.Length == 0)
        {
            _dialTone.Render(_frame);
        }
        else
        {
            _lineNoise.Render(_frame);
        }

        _port.ToBox.Write(_frame);
        if (_dialled.Length > 0 && (complete || ++_framesSinceDigit >= InterDigitFrames))
        {
            Route(now, outbox);
        }
    }

    private void Route(DateTimeOffset now, List<Notification> outbox)
    {
        var number = _dialled.ToString();
        var callee = _routes.Callees.Find(number);
        var call = _routes.NewCall(_port.PortNumber, number);
        ExchangeLog.Dialled(_logger, _port.PortNumber, number, call.Id, callee?.Behavior.ToString() ?? "unobtainable");
        if (callee is null || callee.Behavior == SimulatedCalleeBehavior.Busy)
        {
            End(call, callee is null ? SimulatedCallEndReason.NumberUnobtainable : SimulatedCallEndReason.CalleeBusy, now, outbox);
            _refusalTone = callee is null ? _congestionTone : _busyTone;
            _refusalTone.Restart();
            _phase = LinePhase.Refused;
            return;
        }

        foreach (var step in callee.AfterAnswer)
        {
            call.Script.Enqueue(step);
        }

        _call = call;
        _answerAfterRings = callee.Behavior == SimulatedCalleeBehavior.Answers ? callee.AnswerAfterRings : int.MaxValue;
        _phase = LinePhase.CalleeRinging;
        _frameInRingback = 0;
        _ringbackTone.Restart();
    }

    private void TickCalleeRinging(LineHookState hook, DateTimeOffset now, List<Notification> outbox)
    {
        var call = _call!;
        if (hook == LineHookState.OnHook)
        {
            End(call, SimulatedCallEndReason.BoxHungUp, now, outbox);
            return;
        }

        if (_frameInRingback == 0)
        {
            if (call.RingCount >= _answerAfterRings)
            {
                CalleeAnswers(call, now, outbox);
                TickConnected(hook, now, outbox);
                return;
            }

            call.MarkRing();
        }

        if (_port.HasLineVoltage)
        {
            _ringbackTone.Render(_frame);
        }
        else
        {
            Array.Clear(_frame);
        }

        _port.ToBox.Write(_frame);
        _port.FromBox.TryRead(_boxFrame); // the callee is not connected yet
        _frameInRingback = (_frameInRingback + 1) % _ringbackCycleFrames;
    }

    private void CalleeAnswers(SimulatedCall call, DateTimeOffset now, List<Notification> outbox)
    {
        call.MarkAnswered(now);
        _phase = LinePhase.Connected;
        _runner = new CallerScriptRunner(call.Script, _lineNoise);
        if (_routes.ReversePolarityOnAnswer && _port.HasLineVoltage)
        {
            ReversePolarity(now, outbox);
        }

        outbox.Add(new Notification(NotificationKind.CallAnswered, now, _port, Call: call));
        ExchangeLog.CallAnswered(_logger, call.Id, _port.PortNumber);
    }

    private void TickRefused(LineHookState hook)
    {
        if (hook == LineHookState.OnHook)
        {
            _phase = LinePhase.Idle;
            return;
        }

        if (_port.HasLineVoltage)
        {
            _refusalTone!.Render(_frame);
        }
        else
        {
            Array.Clear(_frame);
        }

        _port.ToBox.Write(_frame);
        _port.FromBox.TryRead(_boxFrame); // nobody listens
    }
}
