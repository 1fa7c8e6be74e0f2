using System.Globalization;
using System.Text;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Transactions.Internal;

/// <summary>
/// The keys by which RFC 3261 §17.2.3 matches a request to a server transaction. With an RFC 3261 branch (the magic
/// cookie and something after it): branch, sent-by and method. Without one (RFC 2543 peers, or a branch that is only
/// the cookie, RFC 4475 §3.2.1): Request-URI, To tag, From tag, Call-ID, CSeq and the top Via.
/// </summary>
internal static class ServerTransactionKeys
{
    // CR and LF cannot survive parsing inside a header value or URI, so they separate the parts unambiguously.
    private const char Separator = '\n';

    /// <summary>The key of the transaction <paramref name="request"/> belongs to when its method is taken to be <paramref name="method"/>.</summary>
    public static string For(SipRequest request, ViaHeader topVia, string method) =>
        topVia.HasRfc3261Branch ? Rfc3261(topVia, method) : Rfc2543(request, topVia, method, request.To.Tag);

    /// <summary>
    /// For an RFC 2543 INVITE, the key its ACK finds it by: everything but the To tag (the ACK carries the tag of our
    /// response, which the caller compares separately).
    /// </summary>
    public static string Rfc2543Ack(SipRequest request, ViaHeader topVia) => Rfc2543(request, topVia, SipMethods.Invite, toTag: null);

    private static string Rfc3261(ViaHeader via, string method) =>
        string.Join(Separator, "3261", via.Branch, via.Host.ToLowerInvariant(), (via.Port ?? 5060).ToString(CultureInfo.InvariantCulture), method);

    private static string Rfc2543(SipRequest request, ViaHeader via, string method, string? toTag)
    {
        var cseq = request.CSeq;
        return string.Join(
            Separator,
            "2543",
            request.RequestUri.ToString(),
            toTag ?? string.Empty,
            request.From.Tag ?? string.Empty,
            request.CallId,
            cseq.Sequence.ToString(CultureInfo.InvariantCulture),
            method,
            ViaIdentity(via));
    }

    /// <summary>
    /// The top Via as the client wrote it: protocol, sent-by and parameters, names and tokens compared without case.
    /// received and rport are left out: this server wrote them (§18.2.1), not the client.
    /// </summary>
    private static string ViaIdentity(ViaHeader via)
    {
        var builder = new StringBuilder()
            .Append(via.ProtocolName.ToUpperInvariant()).Append('/').Append(via.ProtocolVersion).Append('/').Append(via.Transport.ToUpperInvariant())
            .Append(' ').Append(via.Host.ToLowerInvariant()).Append(':').Append(via.Port?.ToString(CultureInfo.InvariantCulture));
        foreach (var parameter in via.Parameters.Items
                     .Where(p => !p.Name.Equals("received", StringComparison.OrdinalIgnoreCase) && !p.Name.Equals("rport", StringComparison.OrdinalIgnoreCase))
                     .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            builder.Append(';').Append(parameter.Name.ToLowerInvariant());
            if (parameter.Value is not null)
            {
                builder.Append('=').Append(parameter.Value);
            }
        }

        return builder.ToString();
    }
}
