using System.Globalization;
using Appliance.Hal.Lines;
using Appliance.Telephony.Analog.Internal;
using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Analog;

/// <summary>
/// Outbound calls: seize, wait for dial tone, send the number as DTMF, follow call progress to an answer (channel up)
/// or an end (busy, congestion, no answer, no dial tone). While the line dials it is not offered inbound calls.
/// </summary>
public sealed partial class AnalogLine
{
    private readonly ExchangeToneSet _tones;
    private readonly short[] _dialFrame = new short[LineAudio.FrameSamples];
    private DialOutProgress? _dialOut;

    /// <summary>
    /// Seizes the line and dials <paramref name="number"/> (checked by the caller). The channel rings until the far end
    /// answers; a line that is not idle gives a channel that is already down with <see cref="HangupCause.Failed"/>.
    /// </summary>
    internal IChannel DialOut(string number)
    {
        _callSequence++;
        var id = string.Create(CultureInfo.InvariantCulture, $"analog/{PortNumber}-{_callSequence:D6}");
        var channel = new AnalogLineChannel(this, id, CallerIdentity.Unknown);
        if (Status != AnalogLineStatus.Idle)
        {
            AnalogLineLog.DialOutRefused(_logger, PortNumber, id, Status.ToString());
            channel.MarkDown(HangupCause.Failed);
            return channel;
        }

        _channel = channel;
        _dialOut = new DialOutProgress(number, _options, _tones);
        _port.SetHook(LineHookState.OffHook);
        Status = AnalogLineStatus.Dialing;
        AnalogLineLog.DialingOut(_logger, PortNumber, id, number);
        return channel;
    }

    private void WhileDialing(AnalogLineChannel channel)
    {
        if (_dialOut is { } dialOut)
        {
            Conclude(channel, dialOut.Receive(_received, _hasFrame), "far-end sound");
        }
    }

    private void TransmitDialling()
    {
        if (Status == AnalogLineStatus.Dialing && _dialOut is { } dialOut && dialOut.Transmit(_dialFrame))
        {
            _port.WriteFrame(_dialFrame);
            if (dialOut.Stage == DialStage.Listening)
            {
                _channel?.MarkNumberSent(); // the last digit's pause is out: ringing starts, and the caller's ring timeout with it
            }
        }
    }

    private void OnPolarityWhileDialing()
    {
        if (_channel is { } channel && _dialOut is { } dialOut)
        {
            Conclude(channel, dialOut.PolarityReversed(), "polarity reversal");
        }
    }

    private void Conclude(AnalogLineChannel channel, DialOutcome outcome, string answerDetector)
    {
        switch (outcome)
        {
            case DialOutcome.Answered:
                _dialOut = null;
                Status = AnalogLineStatus.InCall;
                _busyTone.Reset();
                _silence.Reset();
                _dtmf.Reset();
                AnalogLineLog.DialOutAnswered(_logger, PortNumber, channel.Id, answerDetector);
                channel.MarkUp();
                break;
            case DialOutcome.Busy:
                Release(channel, HangupCause.Busy, "busy tone");
                break;
            case DialOutcome.Congestion:
                Release(channel, HangupCause.Congestion, "congestion tone");
                break;
            case DialOutcome.NoAnswer:
                Release(channel, HangupCause.NoAnswer, "no-answer timeout");
                break;
            case DialOutcome.NoDialTone:
                Release(channel, HangupCause.Failed, "no dial tone");
                break;
        }
    }

    /// <summary>
    /// Glare: a ring arrived just as the line was seized. An exchange connects a seizure of a line it is ringing to the
    /// caller, so the dial-out ends (Failed) and the caller, already connected, is offered like any inbound call (its
    /// Answer() finds the line off hook). Once dial tone was heard the exchange had taken the seizure: rings then are ignored.
    /// </summary>
    private void TakeOverOnGlare()
    {
        if (_dialOut is not { Stage: DialStage.AwaitingDialTone } || _channel is not { } outbound)
        {
            return;
        }

        _dialOut = null;
        _channel = null;
        AnalogLineLog.Glare(_logger, PortNumber, outbound.Id);
        outbound.MarkDown(HangupCause.Failed);
        Status = AnalogLineStatus.Ringing;
        _caller = CallerIdentity.Unknown;
        _callerId.Reset();
        _rings = _options.AnswerOnRing - 1; // this ring offers it
    }
}
