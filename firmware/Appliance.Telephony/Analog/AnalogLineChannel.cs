using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Analog;

/// <summary>A call on an analog line. The line's state machine drives it; this class only adapts it to <see cref="IChannel"/>.</summary>
internal sealed class AnalogLineChannel(AnalogLine line, string id, CallerIdentity caller)
    : ChannelBase(id, "analog", line.PortNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), caller)
{
    public override void Answer() => line.Answer(this);

    internal void MarkUp() => SetUp();

    internal void MarkDown(HangupCause cause) => SetDown(cause);

    internal void Digit(char digit) => DeliverDigit(digit);

    protected override bool ReceiveAudio(Span<short> frame) => line.CopyReceived(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame) => line.Transmit(frame);

    protected override void OnLocalHangUp(HangupCause cause) => line.Release(this, cause, "local");
}
