using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Tests.Fakes;

/// <summary>
/// An agent's, supervisor's or customer's phone that answers after a number of ticks (or, with a refusal, ends
/// ringing with that cause: busy, congestion), speaks a tone and keeps what it heard. Like an analog line it may take
/// <paramref name="numberSentAfterTicks"/> to send the number before it rings (<see cref="IDialProgress"/>); the answer
/// and refusal ticks count from the dial.
/// </summary>
internal sealed class TestPhone(string id, string extension, long answerAfterTicks, double voiceHz, HangupCause? refusal = null, long numberSentAfterTicks = 0)
    : ChannelBase(id, "test", extension, CallerIdentity.Unknown), IDialProgress
{
    private readonly SineSource _voice = new(voiceHz);
    private readonly TaskCompletionSource _numberSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ringTicks;

    public Task NumberSent => numberSentAfterTicks == 0 ? Task.CompletedTask : _numberSent.Task;

    public List<short> Heard { get; } = [];

    public HangupCause? HungUpByBox { get; private set; }

    public override void Answer()
    {
    }

    public void FarEndHangsUp() => SetDown(HangupCause.Remote);

    protected override void ReceiveTick(long tick)
    {
        if (State == ChannelState.Ringing && ++_ringTicks >= numberSentAfterTicks)
        {
            _numberSent.TrySetResult();
        }

        if (State == ChannelState.Ringing && _ringTicks >= answerAfterTicks)
        {
            if (refusal is { } cause)
            {
                SetDown(cause);
            }
            else
            {
                SetUp();
            }
        }

        base.ReceiveTick(tick);
    }

    protected override bool ReceiveAudio(Span<short> frame) => State == ChannelState.Up && _voice.Read(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame) => Heard.AddRange(frame.ToArray());

    protected override void OnLocalHangUp(HangupCause cause) => HungUpByBox = cause;
}
