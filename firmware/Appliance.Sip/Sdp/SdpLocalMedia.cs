using System.Net;

namespace Appliance.Sip.Sdp;

/// <summary>What this side offers or accepts: where it receives RTP and which formats, in preference order.</summary>
public sealed record SdpLocalMedia(IPAddress Address, int RtpPort, IReadOnlyList<SdpCodec> Codecs, ulong SessionId, ulong SessionVersion)
{
    /// <summary>PCMU, PCMA and telephone-event/8000 on payload type 101.</summary>
    public static IReadOnlyList<SdpCodec> DefaultCodecs { get; } = [SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent];
}
