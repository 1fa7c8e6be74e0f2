using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;

namespace Appliance.Core.Tests.Pci;

/// <summary>
/// A caller on an analog line who keys in-band: each key is 120 ms of its real DTMF tone pair in the audio the box
/// receives, and the digit reaches the call flow 60 ms into the tone, as a line's detector would report it. Between keys
/// the caller is silent, or speaks a steady tone of <paramref name="voiceHz"/> when given (the phone mutes it under a key).
/// Each key's two tones are at <paramref name="keyLevelDbm0"/>.
/// </summary>
internal sealed class InBandCaller(string id, string number, double? voiceHz = null, double keyLevelDbm0 = -7) : ChannelBase(id, "test", "1", new CallerIdentity(number, null))
{
    private readonly SineSource? _voice = voiceHz is { } hz ? new SineSource(hz) : null;
    public const int ToneFrames = 6;
    public const int DetectAfterFrames = 3;

    private ToneGenerator? _tone;
    private char _key;
    private int _frame;

    /// <summary>Starts key <paramref name="key"/>'s tone on the next tick.</summary>
    public void Key(char key)
    {
        var (low, high) = Frequencies(key);
        _tone = new ToneGenerator(low, high, keyLevelDbm0);
        _key = key;
        _frame = 0;
    }

    public void CallerHangsUp() => SetDown(HangupCause.Remote);

    public override void Answer() => SetUp();

    protected override bool ReceiveAudio(Span<short> frame)
    {
        if (_tone is not { } tone)
        {
            return _voice?.Read(frame) == true;
        }

        tone.Render(frame);
        if (++_frame == DetectAfterFrames)
        {
            DeliverDigit(_key);
        }

        if (_frame == ToneFrames)
        {
            _tone = null;
        }

        return true;
    }

    protected override void TransmitAudio(ReadOnlySpan<short> frame)
    {
    }

    protected override void OnLocalHangUp(HangupCause cause)
    {
    }

    private static (double Low, double High) Frequencies(char key)
    {
        const string keys = "123A456B789C*0#D";
        var index = keys.IndexOf(key, StringComparison.Ordinal);
        Assert.True(index >= 0, $"no DTMF key {key}");
        double[] rows = [697, 770, 852, 941];
        double[] columns = [1209, 1336, 1477, 1633];
        return (rows[index / 4], columns[index % 4]);
    }
}
