using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Telephony.Simulated;

/// <summary>
/// An agent's phone with nobody holding it: rings, answers after the profile's delay, "speaks" a steady tone
/// and, if the profile says so, hangs up after a talk limit. Lets the whole call path run with no phones attached.
/// </summary>
internal sealed class SimulatedPhoneChannel : ChannelBase
{
    private readonly MediaClock _clock;
    private readonly SimulatedPhoneProfile _profile;
    private readonly SineSource _voice;
    private long _ringTicks;
    private long _talkTicks;
    private bool _transferAsked;

    public SimulatedPhoneChannel(MediaClock clock, string id, SimulatedPhoneProfile profile)
        : base(id, "sim", profile.Extension, CallerIdentity.Unknown)
    {
        _clock = clock;
        _profile = profile;
        _voice = new SineSource(profile.ToneHz);
        clock.Register(this);
        _ = Ended.ContinueWith(_ => clock.Unregister(this), TaskScheduler.Default);
    }

    public override void Answer()
    {
    }

    protected override void ReceiveTick(long tick)
    {
        if (State == ChannelState.Ringing && ++_ringTicks * MediaClock.TickInterval >= _profile.AnswerAfter)
        {
            SetUp();
        }
        else if (State == ChannelState.Up)
        {
            var talked = ++_talkTicks * MediaClock.TickInterval;
            if (_profile.TalkLimit > TimeSpan.Zero && talked >= _profile.TalkLimit)
            {
                SetDown(HangupCause.Remote);
                return;
            }

            PressScriptedKeys(talked);
        }

        base.ReceiveTick(tick);
    }

    protected override bool ReceiveAudio(Span<short> frame) => State == ChannelState.Up && !HeldByFarEnd && _voice.Read(frame);

    private void PressScriptedKeys(TimeSpan talked)
    {
        if (_profile.HoldAt is { } holdAt)
        {
            SetHeldByFarEnd(talked >= holdAt && talked < holdAt + _profile.HoldFor);
        }

        if (_profile.TransferTo is { } target && talked >= _profile.TransferAt && !_transferAsked)
        {
            _transferAsked = true;
            // Whether the box takes it shows in the call's events (BLINDTRANSFER or none); the phone has no display to show it on.
            RequestTransfer(target);
        }
    }

    protected override void TransmitAudio(ReadOnlySpan<short> frame)
    {
        // The simulated agent hears the caller but has nothing to do with the audio.
    }

    protected override void OnLocalHangUp(HangupCause cause)
    {
    }
}
