using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// What a server writes into the top Via of a request it receives (RFC 3261 §18.2.1, RFC 3581 §4), so responses can be
/// routed by the Via alone: received= with the source address, and rport= with the source port.
/// </summary>
internal static class ViaStamping
{
    /// <summary>
    /// Adds received= when the sent-by host is not the source address or rport is asked for (RFC 3581 §4 wants it then
    /// even when they are equal), and sets rport to the source port. A received= or rport value the peer wrote itself
    /// is overwritten: a request must not choose where the box sends its answers.
    /// </summary>
    /// <returns>Whether <paramref name="via"/> changed.</returns>
    public static bool Stamp(ViaHeader via, IPEndPoint source)
    {
        var address = Normalize(source.Address);
        var receivedText = address.ToString();
        var changed = false;
        var wantsRport = via.Parameters.Contains("rport");
        if (!IsAddress(via.Host, address) || wantsRport || via.Parameters.Contains("received"))
        {
            changed |= Set(via, "received", receivedText);
        }

        if (wantsRport)
        {
            changed |= Set(via, "rport", source.Port.ToString(CultureInfo.InvariantCulture));
        }

        return changed;
    }

    /// <summary>IPv4 peers seen through a dual-stack socket arrive as ::ffff:a.b.c.d; Vias name them as a.b.c.d.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Whether a Via host (a name, an IPv4 address or a bracketed IPv6 reference) is <paramref name="address"/>.</summary>
    public static bool IsAddress(string host, IPAddress address) =>
        TryParseHost(host) is { } parsed && parsed.Equals(address);

    /// <summary>The address a Via host or maddr names literally; null for a domain name.</summary>
    public static IPAddress? TryParseHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var literal = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (!IPAddress.TryParse(literal, out var parsed))
        {
            return null;
        }

        // "1" or "1.2" parse as IPv4 too; a Via host must be the dotted quad or an IPv6 reference to count as one.
        var dottedQuad = parsed.AddressFamily == AddressFamily.InterNetwork && literal.Count(c => c == '.') == 3;
        return dottedQuad || parsed.AddressFamily == AddressFamily.InterNetworkV6 ? Normalize(parsed) : null;
    }

    private static bool Set(ViaHeader via, string name, string value)
    {
        if (via.Parameters.Contains(name) && via.Parameters[name] == value)
        {
            return false;
        }

        via.Parameters.Set(name, value);
        return true;
    }
}
