using System.Globalization;
using Appliance.Hal.Lines;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Analog;

/// <summary>
/// The analog signalling state machine for one FXO port: counts rings, decodes caller ID between them, offers the
/// call, and after answer detects DTMF and the far end's disconnect (busy tone, polarity reversal, silence, dead
/// line). It also places outbound calls (AnalogLine.DialOut.cs). It reaches the hardware only through
/// <see cref="IAnalogLinePort"/>, and runs only on the media loop.
/// </summary>
public sealed partial class AnalogLine : IMediaTickHandler
{
    private readonly IAnalogLinePort _port;
    private readonly MediaClock _clock;
    private readonly AnalogLineOptions _options;
    private readonly ILogger _logger;
    private readonly short[] _received = new short[LineAudio.FrameSamples];
    private readonly CallerIdReceiver _callerId = new();
    private readonly DtmfDetector _dtmf = new();
    private readonly CallProgressToneDetector _busyTone;
    private readonly SilenceDetector _silence;
    private AnalogLineChannel? _channel;
    private CallerIdentity _caller = CallerIdentity.Unknown;
    private bool _hasFrame;
    private int _rings;
    private long _tick;
    private long _lastRingTick;
    private int _callSequence;

    /// <summary>Creates the line's state machine and starts listening to the port.</summary>
    public AnalogLine(IAnalogLinePort port, MediaClock clock, AnalogLineOptions options, ILogger<AnalogLine> logger)
    {
        _port = port;
        _clock = clock;
        _options = options;
        _logger = logger;
        _busyTone = new CallProgressToneDetector(BusyToneProfiles.For(options.BusyToneCountry));
        _tones = ExchangeToneSet.For(options.BusyToneCountry);
        _silence = new SilenceDetector(options.SilenceThresholdDbm0);
        Status = port.HasLineVoltage ? AnalogLineStatus.Idle : AnalogLineStatus.Dead;
        port.SignalChanged += (_, e) => clock.Post(() => OnSignal(e.Signal));
    }

    /// <summary>Raised on the media loop when a call is ready to be answered.</summary>
    public event Action<IChannel>? IncomingCall;

    /// <summary>The port number.</summary>
    public int PortNumber => _port.PortNumber;

    /// <summary>What the line is doing.</summary>
    public AnalogLineStatus Status { get; private set; }

    /// <summary>The channel of the call in progress, if any.</summary>
    public IChannel? CurrentChannel => _channel;

    /// <inheritdoc />
    void IMediaTickHandler.OnReceive(long tick)
    {
        _tick = tick;
        _hasFrame = _port.TryReadFrame(_received);
        if (!_hasFrame)
        {
            Array.Clear(_received);
        }

        switch (Status)
        {
            case AnalogLineStatus.Ringing:
                WhileRinging();
                break;
            case AnalogLineStatus.InCall when _channel is { } channel:
                ((IMediaTickHandler)channel).OnReceive(tick);
                WhileInCall(channel);
                break;
            case AnalogLineStatus.Dialing when _channel is { } channel:
                ((IMediaTickHandler)channel).OnReceive(tick);
                WhileDialing(channel);
                break;
        }
    }

    /// <inheritdoc />
    void IMediaTickHandler.OnTransmit(long tick)
    {
        if (_channel is { } channel)
        {
            ((IMediaTickHandler)channel).OnTransmit(tick);
        }

        TransmitDialling();
    }

    internal bool CopyReceived(Span<short> frame)
    {
        _received.CopyTo(frame);
        return _hasFrame;
    }

    internal void Transmit(ReadOnlySpan<short> frame) => _port.WriteFrame(frame);

    internal void Answer(AnalogLineChannel channel)
    {
        if (!ReferenceEquals(channel, _channel) || Status != AnalogLineStatus.Ringing)
        {
            return;
        }

        _port.SetHook(LineHookState.OffHook);
        _busyTone.Reset();
        _silence.Reset();
        Status = AnalogLineStatus.InCall;
        channel.MarkUp();
    }

    internal void Release(AnalogLineChannel channel, HangupCause cause, string detector)
    {
        if (!ReferenceEquals(channel, _channel))
        {
            return;
        }

        _channel = null;
        _dialOut = null;
        _port.SetHook(LineHookState.OnHook);
        if (Status != AnalogLineStatus.Dead)
        {
            Status = AnalogLineStatus.Idle;
        }

        _rings = 0;
        AnalogLineLog.Disconnected(_logger, PortNumber, channel.Id, cause.ToString(), detector);
        channel.MarkDown(cause);
    }

    private void OnSignal(LineSignal signal)
    {
        switch (signal)
        {
            case LineSignal.RingStarted:
                OnRing();
                break;
            case LineSignal.RingStopped:
                _lastRingTick = _tick;
                break;
            case LineSignal.PolarityReversed when Status == AnalogLineStatus.Dialing:
                OnPolarityWhileDialing();
                break;
            case LineSignal.PolarityReversed when Status == AnalogLineStatus.InCall && _options.DisconnectOnPolarityReversal:
                RemoteHangup(HangupCause.Remote, "polarity reversal");
                break;
            case LineSignal.LineVoltageLost:
                AnalogLineLog.VoltageLost(_logger, PortNumber);
                RemoteHangup(HangupCause.LineDead, "line voltage");
                Status = AnalogLineStatus.Dead;
                break;
            case LineSignal.LineVoltageRestored:
                AnalogLineLog.VoltageRestored(_logger, PortNumber);
                Status = _channel is null ? AnalogLineStatus.Idle : Status;
                break;
        }
    }

    private void OnRing()
    {
        if (Status == AnalogLineStatus.Dialing)
        {
            TakeOverOnGlare();
        }

        if (Status == AnalogLineStatus.Idle)
        {
            Status = AnalogLineStatus.Ringing;
            _rings = 0;
            _caller = CallerIdentity.Unknown;
            _callerId.Reset();
        }

        if (Status != AnalogLineStatus.Ringing)
        {
            return;
        }

        _rings++;
        _lastRingTick = _tick;
        AnalogLineLog.Ring(_logger, PortNumber, _rings);
        if (_rings >= _options.AnswerOnRing && _channel is null)
        {
            Offer();
        }
    }

    private void Offer()
    {
        _callSequence++;
        var id = string.Create(CultureInfo.InvariantCulture, $"analog/{PortNumber}-{_callSequence:D6}");
        _channel = new AnalogLineChannel(this, id, _caller);
        AnalogLineLog.Incoming(_logger, PortNumber, id);
        IncomingCall?.Invoke(_channel);
    }

    private void WhileRinging()
    {
        // Nothing is sent while ringing, so a backlog left by a stalled process is decoded now rather than lost.
        for (var more = _hasFrame; more; more = _port.TryReadFrame(_received))
        {
            DecodeCallerId();
        }

        var sinceRing = TimeSpan.FromTicks((_tick - _lastRingTick) * MediaClock.TickInterval.Ticks);
        if (sinceRing > TimeSpan.FromSeconds(_options.RingTimeoutSeconds))
        {
            AnalogLineLog.RingingAbandoned(_logger, PortNumber);
            _port.SetHook(LineHookState.OnHook); // a call taken over on glare is off hook already
            Status = AnalogLineStatus.Idle;
            var channel = _channel;
            _channel = null;
            _rings = 0;
            channel?.MarkDown(HangupCause.Remote);
        }
    }

    private void DecodeCallerId()
    {
        if (_caller.Number is not null || _caller.AbsenceReason is not null)
        {
            return;
        }

        var failuresBefore = _callerId.ChecksumFailures;
        if (_callerId.Process(_received) is { } message)
        {
            _caller = new CallerIdentity(message.Number, message.Name, message.NumberAbsenceReason);
            AnalogLineLog.CallerId(_logger, PortNumber, message.Number, message.Name);
        }
        else if (_callerId.ChecksumFailures != failuresBefore)
        {
            AnalogLineLog.CallerIdChecksum(_logger, PortNumber);
        }
    }

    private void WhileInCall(AnalogLineChannel channel)
    {
        if (!_hasFrame)
        {
            return;
        }

        var digit = _dtmf.Process(_received);
        if (digit != '\0')
        {
            channel.Digit(digit);
        }

        if (_options.DisconnectOnBusyTone && _busyTone.Process(_received))
        {
            RemoteHangup(HangupCause.Remote, "busy tone");
            return;
        }

        _silence.Process(_received);
        if (_options.SilenceTimeoutSeconds > 0 && _silence.SilentFor >= TimeSpan.FromSeconds(_options.SilenceTimeoutSeconds))
        {
            RemoteHangup(HangupCause.Silence, "silence");
        }
    }

    private void RemoteHangup(HangupCause cause, string detector)
    {
        if (_channel is { } channel)
        {
            Release(channel, cause, detector);
        }
    }
}
