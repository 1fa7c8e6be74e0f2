using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Stands for the customer of a callback until the box dials them: it carries their number, carries no audio and is
/// never on the media clock. The callback's call session swaps it for the dialled leg.
/// </summary>
internal sealed class UndialledChannel(string callbackId, string number)
    : ChannelBase("callback/" + callbackId, "callback", number, new CallerIdentity(number, null))
{
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
