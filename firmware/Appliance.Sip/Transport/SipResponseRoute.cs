using System.Net;

namespace Appliance.Sip.Transport;

/// <summary>
/// Where the responses to one request go (RFC 3261 §18.2.2, RFC 3581 §4), worked out once from its top Via and the
/// packet's source.
/// </summary>
/// <param name="Source">Where the request came from; on a reliable transport, the connection responses go back on.</param>
/// <param name="Destination">
/// Where a datagram goes, or, on a reliable transport whose connection has closed, where a new connection is opened;
/// null when the Via asks for somewhere the box refuses to send (<paramref name="Refusal"/> says why).
/// </param>
/// <param name="Refusal">Why no response is sent; null when <paramref name="Destination"/> is set.</param>
public sealed record SipResponseRoute(IPEndPoint Source, IPEndPoint? Destination, string? Refusal)
{
    /// <summary>Back to the packet's source address and port: for requests whose Via cannot be read.</summary>
    public static SipResponseRoute ToSource(IPEndPoint source) => new(source, source, null);

    public override string ToString() => Destination?.ToString() ?? $"nowhere ({Refusal})";
}
