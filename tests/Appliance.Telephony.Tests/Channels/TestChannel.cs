using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Tests.Channels;

/// <summary>A channel whose far end the test plays: it speaks a tone, presses keys, hangs up, and keeps what it heard.</summary>
internal sealed class TestChannel(string id, double voiceHz) : ChannelBase(id, "test", id, CallerIdentity.Unknown)
{
    private readonly SineSource _voice = new(voiceHz);

    public List<short> Heard { get; } = [];

    public List<HangupCause> LocalHangups { get; } = [];

    public override void Answer() => SetUp();

    public void FarEndAnswers() => SetUp();

    public void Press(char digit) => DeliverDigit(digit);

    public void FarEndHangsUp() => SetDown(HangupCause.Remote);

    protected override bool ReceiveAudio(Span<short> frame) => _voice.Read(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame) => Heard.AddRange(frame.ToArray());

    protected override void OnLocalHangUp(HangupCause cause) => LocalHangups.Add(cause);
}
