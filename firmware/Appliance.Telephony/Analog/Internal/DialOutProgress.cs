using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Analog.Internal;

/// <summary>
/// One dial-out attempt on a seized line, tick by tick on the media loop: wait for dial tone (steady, at the country's
/// frequencies), send the number as DTMF, then listen: busy and congestion by cadence, ringback by frequency, and an
/// answer either signalled (<see cref="PolarityReversed"/>) or heard as sound from the far end that is none of the
/// exchange's tones. Timeouts are counted in ticks.
/// </summary>
internal sealed class DialOutProgress
{
    private const int DialToneFrames = 30; // 600 ms steady: longer than any busy or congestion burst
    private const int AnswerFrames = 10; // 200 ms of the far end's sound

    private readonly ExchangeToneSet _tones;
    private readonly DtmfSender _sender;
    private readonly CallProgressToneDetector _busy;
    private readonly CallProgressToneDetector _congestion;
    private readonly double _soundPower;
    private readonly long _dialToneTimeoutTicks;
    private readonly long _noAnswerTimeoutTicks;
    private long _ticksInStage;
    private int _dialToneFrames;
    private int _farEndFrames;

    public DialOutProgress(string number, AnalogLineOptions options, ExchangeToneSet tones)
    {
        _tones = tones;
        _sender = new DtmfSender(number, options.DtmfToneMilliseconds, options.DtmfPauseMilliseconds, options.DtmfLevelDbm0);
        _busy = new CallProgressToneDetector(tones.Busy);
        _congestion = new CallProgressToneDetector(tones.Congestion);
        _soundPower = AudioLevel.Dbm0ToPower(options.SilenceThresholdDbm0);
        _dialToneTimeoutTicks = Ticks(TimeSpan.FromSeconds(options.DialToneTimeoutSeconds));
        _noAnswerTimeoutTicks = Ticks(TimeSpan.FromSeconds(options.NoAnswerTimeoutSeconds));
    }

    public DialStage Stage { get; private set; } = DialStage.AwaitingDialTone;

    /// <summary>Whether ringback has been heard (for the log: the number rings).</summary>
    public bool HeardRingback { get; private set; }

    /// <summary>The receive phase: what this tick's audio (if any) says.</summary>
    public DialOutcome Receive(ReadOnlySpan<short> frame, bool hasFrame)
    {
        _ticksInStage++;
        return Stage switch
        {
            DialStage.AwaitingDialTone => AwaitDialTone(frame, hasFrame),
            DialStage.Listening => Listen(frame, hasFrame),
            _ => DialOutcome.Pending,
        };
    }

    /// <summary>The transmit phase: the next frame of DTMF while dialling; false when there is nothing to send.</summary>
    public bool Transmit(Span<short> frame)
    {
        if (Stage != DialStage.Dialling)
        {
            return false;
        }

        _sender.Render(frame);
        if (_sender.IsFinished)
        {
            Stage = DialStage.Listening;
            _ticksInStage = 0;
        }

        return true;
    }

    /// <summary>A polarity reversal once the number is on its way is the far end answering (exchanges that signal it).</summary>
    public DialOutcome PolarityReversed() => Stage == DialStage.AwaitingDialTone ? DialOutcome.Pending : DialOutcome.Answered;

    private DialOutcome AwaitDialTone(ReadOnlySpan<short> frame, bool hasFrame)
    {
        _dialToneFrames = hasFrame && FrameTones.IsTone(frame, _tones.DialTone.F1, _tones.DialTone.F2) ? _dialToneFrames + 1 : 0;
        if (_dialToneFrames >= DialToneFrames)
        {
            Stage = DialStage.Dialling;
            _ticksInStage = 0;
            return DialOutcome.Pending;
        }

        return _ticksInStage >= _dialToneTimeoutTicks ? DialOutcome.NoDialTone : DialOutcome.Pending;
    }

    private DialOutcome Listen(ReadOnlySpan<short> frame, bool hasFrame)
    {
        if (hasFrame)
        {
            if (_busy.Process(frame))
            {
                return DialOutcome.Busy;
            }

            if (_congestion.Process(frame))
            {
                return DialOutcome.Congestion;
            }

            HeardRingback |= FrameTones.IsTone(frame, _tones.Ringback.F1, _tones.Ringback.F2);
            _farEndFrames = FrameTones.IsFarEndSound(frame, _tones.ProgressFrequencies, _soundPower) ? _farEndFrames + 1 : 0;
            if (_farEndFrames >= AnswerFrames)
            {
                return DialOutcome.Answered;
            }
        }

        return _ticksInStage >= _noAnswerTimeoutTicks ? DialOutcome.NoAnswer : DialOutcome.Pending;
    }

    private static long Ticks(TimeSpan duration) => (long)Math.Ceiling(duration / MediaClock.TickInterval);
}
