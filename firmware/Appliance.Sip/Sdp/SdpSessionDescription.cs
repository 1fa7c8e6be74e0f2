namespace Appliance.Sip.Sdp;

/// <summary>A parsed or built SDP body (RFC 4566): session lines and media sections.</summary>
public sealed class SdpSessionDescription
{
    public SdpSessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    public SdpOrigin Origin { get; set; }

    public string SessionName { get; set; }

    public SdpConnection? Connection { get; set; }

    /// <summary>The t= line; "0 0" is an unbounded session, which is what SIP uses.</summary>
    public string Timing { get; set; } = "0 0";

    public List<SdpAttribute> Attributes { get; } = [];

    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>The stream's effective direction: its own attribute, else the session's, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionOf(SdpMediaDescription media) => media.Direction ?? DirectionIn(Attributes) ?? SdpDirection.SendRecv;

    /// <summary>The c= that applies to a stream: its own, else the session's.</summary>
    public SdpConnection? ConnectionOf(SdpMediaDescription media) => media.Connection ?? Connection;

    internal static SdpDirection? DirectionIn(List<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute.Name)
            {
                case "sendrecv": return SdpDirection.SendRecv;
                case "sendonly": return SdpDirection.SendOnly;
                case "recvonly": return SdpDirection.RecvOnly;
                case "inactive": return SdpDirection.Inactive;
                default: break;
            }
        }

        return null;
    }
}
