using System.Net;

namespace Appliance.Sip.Sdp;

/// <summary>The c= line (RFC 4566 §5.7).</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>RFC 2543 hold: c=IN IP4 0.0.0.0 means "do not send to me" (RFC 3264 §8.4).</summary>
    public bool IsOldStyleHold => Address == "0.0.0.0";

    public static SdpConnection For(IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());
}
