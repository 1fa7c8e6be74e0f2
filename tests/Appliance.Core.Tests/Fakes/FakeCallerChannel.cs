using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A caller the test controls: presses keys, speaks a tone, hangs up; counts the audio frames the box sent.</summary>
internal sealed class FakeCallerChannel(string id, string? number, double voiceHz = 600)
    : ChannelBase(id, "test", "1", new CallerIdentity(number, null))
{
    private readonly SineSource _voice = new(voiceHz);

    public int FramesHeard { get; private set; }

    public int LoudFramesHeard { get; private set; }

    /// <summary>Every sample the box sent, for frequency checks.</summary>
    public List<short> Heard { get; } = [];

    public override void Answer() => SetUp();

    public void Press(char digit) => DeliverDigit(digit);

    public void CallerHangsUp() => SetDown(HangupCause.Remote);

    public void LineDies() => SetDown(HangupCause.LineDead);

    protected override bool ReceiveAudio(Span<short> frame) => _voice.Read(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame)
    {
        FramesHeard++;
        Heard.AddRange(frame);
        foreach (var sample in frame)
        {
            if (Math.Abs((int)sample) > 1000)
            {
                LoudFramesHeard++;
                break;
            }
        }
    }

    protected override void OnLocalHangUp(HangupCause cause)
    {
    }
}
