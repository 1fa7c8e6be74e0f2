using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Analog.Internal;

/// <summary>A dial-out that found no idle line: a channel that is down (Failed) from the start.</summary>
internal sealed class UnplacedChannel : ChannelBase
{
    public UnplacedChannel(string id)
        : base(id, "analog", string.Empty, CallerIdentity.Unknown) => SetDown(HangupCause.Failed);

    public override void Answer()
    {
    }

    protected override bool ReceiveAudio(Span<short> frame) => false;

    protected override void TransmitAudio(ReadOnlySpan<short> frame)
    {
    }

    protected override void OnLocalHangUp(HangupCause cause)
    {
    }
}
