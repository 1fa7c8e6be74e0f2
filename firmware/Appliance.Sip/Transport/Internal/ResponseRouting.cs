using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// RFC 3261 §18.2.2 with RFC 3581: where the responses to a request go, read from its top Via after
/// <see cref="ViaStamping"/> has added received and rport.
/// </summary>
internal static class ResponseRouting
{
    /// <summary>The port a sent-by without one means for SIP over UDP and TCP (§18.2.2, §19.1.2).</summary>
    public const int DefaultPort = 5060;

    public static SipResponseRoute For(ViaHeader stampedVia, IPEndPoint source, bool reliable)
    {
        var sourceAddress = ViaStamping.Normalize(source.Address);
        var sentByPort = stampedVia.Port ?? DefaultPort;
        var received = ViaStamping.TryParseHost(stampedVia.Parameters["received"]);
        if (reliable)
        {
            // The connection the request came on; should it have closed, a new one to received (else sent-by) and the
            // sent-by port. The stamp guarantees received whenever sent-by is not the source address.
            return new SipResponseRoute(source, new IPEndPoint(received ?? sourceAddress, sentByPort), null);
        }

        if (stampedVia.Parameters.Contains("maddr"))
        {
            return ToMaddr(stampedVia, source, sourceAddress, sentByPort);
        }

        if (received is not null && stampedVia.Parameters["rport"] is { } rportText
            && int.TryParse(rportText, NumberStyles.None, CultureInfo.InvariantCulture, out var rport) && rport is > 0 and <= IPEndPoint.MaxPort)
        {
            return new SipResponseRoute(source, new IPEndPoint(received, rport), null);
        }

        // received, else sent-by itself, which the stamp leaves alone only when it is the source address.
        return new SipResponseRoute(source, new IPEndPoint(received ?? sourceAddress, sentByPort), null);
    }

    /// <summary>
    /// maddr asks for the response to go to a multicast group (or any host it names). The box answers only the address a
    /// request came from, so an unauthenticated datagram cannot aim its responses at a group or a third party.
    /// </summary>
    private static SipResponseRoute ToMaddr(ViaHeader via, IPEndPoint source, IPAddress sourceAddress, int sentByPort)
    {
        var maddr = via.Parameters["maddr"];
        var address = ViaStamping.TryParseHost(maddr);
        if (address is not null && address.Equals(sourceAddress))
        {
            return new SipResponseRoute(source, new IPEndPoint(address, sentByPort), null);
        }

        var what = address is not null && IsMulticast(address) ? "a multicast group" : "another host than the request came from";
        return new SipResponseRoute(source, null, $"the Via maddr={maddr} names {what}; the box does not send responses there");
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.IsIPv6Multicast : address.GetAddressBytes()[0] is >= 224 and <= 239;
}
