using System.Globalization;
using Appliance.Drivers.Simulated.Internal;
using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// A PSTN exchange behind the simulated board's line ports. One periodic 20 ms timer from the
/// injected <see cref="TimeProvider"/> drives every port: each tick advances each line's state
/// machine and audio by one frame (more if the timer fired late, so the audio clock keeps to the
/// TimeProvider's clock) and then raises the events the tick produced.
/// </summary>
/// <remarks>
/// Thread-safe. Control calls (placing calls, script steps, killing lines) may come from any
/// thread; they take effect on the next tick. Event handlers run on the tick's thread, outside the
/// exchange's lock, so they may call back into the exchange or the ports.
/// </remarks>
public sealed class SimulatedExchange : IDisposable
{
    /// <summary>Calls remembered per port for <see cref="CallsOnPort"/>; older ones are forgotten.</summary>
    public const int CallHistoryPerPort = 100;

    private static readonly TimeSpan FrameLength = TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds);
    private static readonly int MaximumCatchUpFrames = SimulatedLinePort.BufferFrames;

    private readonly object _gate = new();
    private readonly object _tickGate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SimulatedBoardOptions _options;
    private readonly LineMachine[] _lines;
    private readonly List<SimulatedCall>[] _history;
    private readonly List<Notification> _outbox = new(64);
    private readonly CalleeDirectory _callees = new();
    private readonly ITimer _timer;
    private readonly long _startTimestamp;
    private long _framesDone;
    private long _callSequence;
    private bool _disposed;

    /// <summary>Starts the exchange and its tick.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad setting.</exception>
    public SimulatedExchange(SimulatedBoardOptions options, TimeProvider timeProvider, ILogger<SimulatedExchange> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var validation = new SimulatedBoardOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SimulatedBoardOptions.SectionName, typeof(SimulatedBoardOptions), validation.Failures);
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        Country = ExchangeCountry.For(options.Country);
        _lines = new LineMachine[options.LineCount];
        _history = new List<SimulatedCall>[options.LineCount];
        var ports = new SimulatedLinePort[options.LineCount];
        var routes = new OutboundRoutes(_callees, NewOutboundCall, options.ReversePolarityOnAnswer);
        for (var i = 0; i < options.LineCount; i++)
        {
            var number = i + 1;
            ports[i] = new SimulatedLinePort(number, string.Create(CultureInfo.InvariantCulture, $"LINE {number}"));
            _lines[i] = new LineMachine(ports[i], Country, options.DisconnectSignal, routes, logger);
            _history[i] = [];
        }

        Ports = ports;
        foreach (var callee in options.Callees)
        {
            RegisterCallee(callee.ToCallee());
        }

        _startTimestamp = timeProvider.GetTimestamp();
        _timer = timeProvider.CreateTimer(static state => ((SimulatedExchange)state!).OnTimer(), this, FrameLength, FrameLength);
        ExchangeLog.Started(logger, options.LineCount, Country.Code, options.CallerIdStandard.ToString(), options.DisconnectSignal.ToString());
    }

    /// <summary>The country whose tones and ring cadence the exchange uses.</summary>
    public ExchangeCountry Country { get; }

    /// <summary>The line ports, port 1 first.</summary>
    public IReadOnlyList<SimulatedLinePort> Ports { get; }

    /// <summary>The port numbered <paramref name="portNumber"/>.</summary>
    public SimulatedLinePort Port(int portNumber) => LineFor(portNumber).Port;

    /// <summary>
    /// Places an inbound call on a port. On the next tick the line starts ringing, or, if the port
    /// is busy (a call or off hook) or dead, the call ends at once as <see cref="SimulatedCallEndReason.LineBusy"/>
    /// or <see cref="SimulatedCallEndReason.LineDead"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such port, or MaxRings outside 1–1000.</exception>
    /// <exception cref="ArgumentException">The caller ID cannot be sent (e.g. a number too long or not ASCII).</exception>
    public SimulatedCall PlaceCall(int portNumber, SimulatedCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = LineFor(portNumber);
        if (request.MaxRings is < 1 or > SimulatedCallRequest.MaximumMaxRings)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxRings,
                $"MaxRings must be between 1 and {SimulatedCallRequest.MaximumMaxRings}.");
        }

        var now = _timeProvider.GetUtcNow();
        var callerIdBurst = request.CallerId is null
            ? null
            : CallerIdFsk.Modulate(request.CallerId, TimeZoneInfo.ConvertTime(now, _timeProvider.LocalTimeZone),
                _options.CallerIdStandard, _options.CallerIdLevelDbm0, request.CorruptCallerIdChecksum);
        var audioLimit = _options.ReceivedAudioLimitSeconds * LineAudio.SampleRate;
        SimulatedCall call;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var id = string.Create(CultureInfo.InvariantCulture, $"sim-{++_callSequence}");
            call = new SimulatedCall(id, portNumber, request, now, callerIdBurst, audioLimit, _gate);
            line.Offer(call);
            Remember(call);
        }

        ExchangeLog.CallPlaced(_logger, call.Id, portNumber, request.CallerId is not null, request.MaxRings);
        return call;
    }

    /// <summary>
    /// Makes <paramref name="callee"/> reachable by its number from the next tick on (replacing one with the same number).
    /// Calls the box makes to it appear in <see cref="CallsOnPort"/> with <see cref="SimulatedCall.DialledNumber"/> set.
    /// </summary>
    /// <exception cref="ArgumentException">The callee is invalid; the message names what.</exception>
    public void RegisterCallee(SimulatedCallee callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        callee.Validate();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _callees.Register(callee);
        }

        ExchangeLog.CalleeRegistered(_logger, callee.Number, callee.Behavior);
    }

    /// <summary>Makes <paramref name="number"/> unreachable again; false if nobody had it.</summary>
    public bool RemoveCallee(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        lock (_gate)
        {
            return _callees.Remove(number);
        }
    }

    /// <summary>The most recent calls placed on the port (up to <see cref="CallHistoryPerPort"/>), oldest first.</summary>
    public IReadOnlyList<SimulatedCall> CallsOnPort(int portNumber)
    {
        LineFor(portNumber);
        lock (_gate)
        {
            return [.. _history[portNumber - 1]];
        }
    }

    /// <summary>The call ringing or connected on the port (or placed and waiting for the next tick); null when none.</summary>
    public SimulatedCall? ActiveCall(int portNumber)
    {
        var line = LineFor(portNumber);
        lock (_gate)
        {
            return line.ActiveCall;
        }
    }

    /// <summary>The port's line goes dead at the next tick (no voltage, no audio); a call still alerting ends.</summary>
    public void KillLine(int portNumber) => RequestLineVoltage(portNumber, present: false);

    /// <summary>The port's line comes back at the next tick.</summary>
    public void RestoreLine(int portNumber) => RequestLineVoltage(portNumber, present: true);

    /// <summary>Stops the tick. Ports keep their last state.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
    }

    private void RequestLineVoltage(int portNumber, bool present)
    {
        var line = LineFor(portNumber);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            line.RequestLineVoltage(present);
        }
    }

    /// <summary>The far end of a call the box dialled; called by a line under the lock.</summary>
    private SimulatedCall NewOutboundCall(int portNumber, string number)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"sim-{++_callSequence}");
        var call = new SimulatedCall(id, portNumber, new SimulatedCallRequest(), _timeProvider.GetUtcNow(), callerIdBurst: null,
            _options.ReceivedAudioLimitSeconds * LineAudio.SampleRate, _gate, number);
        Remember(call);
        return call;
    }

    private void Remember(SimulatedCall call)
    {
        var history = _history[call.PortNumber - 1];
        if (history.Count == CallHistoryPerPort)
        {
            history.RemoveAt(0);
        }

        history.Add(call);
    }

    private LineMachine LineFor(int portNumber)
    {
        if (portNumber < 1 || portNumber > _lines.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(portNumber), portNumber,
                $"Port {portNumber} does not exist: this exchange has ports 1 to {_lines.Length}.");
        }

        return _lines[portNumber - 1];
    }

    private void OnTimer()
    {
        // A handler that advances a manual clock re-enters here on the same thread while the outbox is
        // being raised. Skip: the frame count is derived from elapsed time, so the next tick catches up.
        if (Monitor.IsEntered(_tickGate))
        {
            return;
        }

        // A timer thread must never see an exception: it would take the whole appliance down.
        try
        {
            lock (_tickGate)
            {
                RunDueFrames();
            }
        }
        catch (Exception error)
        {
            ExchangeLog.TickFailed(_logger, error);
        }
    }

    private void RunDueFrames()
    {
        var elapsed = _timeProvider.GetElapsedTime(_startTimestamp);
        var due = (elapsed.Ticks / FrameLength.Ticks) - _framesDone;
        if (due > MaximumCatchUpFrames)
        {
            // Far behind (process paused, clock jumped): the lost time cannot be played out usefully.
            ExchangeLog.FellBehind(_logger, due);
            _framesDone += due - 1;
            due = 1;
        }

        for (; due > 0; due--)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                var now = _timeProvider.GetUtcNow();
                foreach (var line in _lines)
                {
                    line.Tick(now, _outbox);
                }

                _framesDone++;
            }

            RaiseOutbox();
        }
    }

    private void RaiseOutbox()
    {
        foreach (var notification in _outbox)
        {
            var port = notification.Port!;
            var eventName = notification.Kind.ToString();
            void OnError(Exception error) => ExchangeLog.HandlerFailed(_logger, error, eventName, port.PortNumber);
            switch (notification.Kind)
            {
                case NotificationKind.LineSignal:
                    port.RaiseSignal(new LineSignalEventArgs(port.PortNumber, notification.Signal, notification.At), OnError);
                    break;
                case NotificationKind.CallAnswered:
                    notification.Call!.RaiseAnswered(OnError);
                    break;
                case NotificationKind.CallEnded:
                    notification.Call!.RaiseEnded(new SimulatedCallEndedEventArgs(notification.Reason, notification.At), OnError);
                    break;
            }
        }

        _outbox.Clear();
    }
}
