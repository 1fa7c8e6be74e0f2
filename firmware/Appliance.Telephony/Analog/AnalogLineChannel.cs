using Appliance.Telephony.Channels;
using Appliance.Telephony.Dialing;

namespace Appliance.Telephony.Analog;

/// <summary>
/// A call on an analog line. The line's state machine drives it; this class only adapts it to <see cref="IChannel"/>
/// (and, dialling out, tells when the number has been sent, see <see cref="IDialProgress"/>).
/// </summary>
internal sealed class AnalogLineChannel(AnalogLine line, string id, CallerIdentity caller)
    : ChannelBase(id, "analog", line.PortNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), caller), IDialProgress
{
    private readonly TaskCompletionSource _numberSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public Task NumberSent => _numberSent.Task;

    public override void Answer() => line.Answer(this);

    internal void MarkUp() => SetUp();

    internal void MarkNumberSent() => _numberSent.TrySetResult();

    internal void MarkDown(HangupCause cause) => SetDown(cause);

    internal void Digit(char digit) => DeliverDigit(digit);

    protected override bool ReceiveAudio(Span<short> frame) => line.CopyReceived(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame) => line.Transmit(frame);

    protected override void OnLocalHangUp(HangupCause cause) => line.Release(this, cause, "local");
}
