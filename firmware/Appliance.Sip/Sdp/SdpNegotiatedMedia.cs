using System.Net;

namespace Appliance.Sip.Sdp;

/// <summary>The outcome of offer/answer for the audio stream, as the RTP session needs it.</summary>
public sealed record SdpNegotiatedMedia(
    SdpCodec Codec,
    int? TelephoneEventPayloadType,
    IPEndPoint? RemoteRtp,
    SdpDirection LocalDirection)
{
    /// <summary>Whether we may send RTP (the peer wants to receive and has an address).</summary>
    public bool MaySend => LocalDirection is SdpDirection.SendRecv or SdpDirection.SendOnly && RemoteRtp is not null;

    /// <summary>Whether the peer will send to us.</summary>
    public bool ExpectsReceive => LocalDirection is SdpDirection.SendRecv or SdpDirection.RecvOnly;
}
