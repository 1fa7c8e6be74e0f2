namespace Appliance.Sip.Sdp;

/// <summary>The o= line (RFC 4566 §5.2). The version must grow with every changed offer (RFC 3264 §8).</summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string NetworkType, string AddressType, string Address);
