namespace Appliance.Sip.Sdp;

/// <summary>Media direction attributes (RFC 3264 §5.1), from the point of view of the side that wrote them.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
