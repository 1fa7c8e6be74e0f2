using System.Net;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// Builds the error response for a request the parser refused (400, 505, 513…; §8.2, §21.4.1). The message did not
/// parse, so the headers a response must echo (Via, From, To, Call-ID, CSeq) are read leniently from the raw header
/// section. A readable top Via is stamped and routed as §18.2.2 says; an unreadable one is echoed as the client wrote it
/// and the answer goes to the packet's source. No Via at all, an ACK or a response: no answer.
/// </summary>
internal static class MalformedRequestResponder
{
    private const int MaxReasonLength = 120;
    private static readonly (string Name, string Compact)[] EchoedHeaders =
        [(SipHeaderNames.From, "f"), (SipHeaderNames.To, "t"), (SipHeaderNames.CallId, "i"), (SipHeaderNames.CSeq, string.Empty)];

    public static StatelessReply? TryBuild(SipParseResult failure, ReadOnlySpan<byte> raw, IPEndPoint source, bool reliable)
    {
        if (failure.Success || !failure.IsRequest || raw.IsEmpty)
        {
            return null;
        }

        var headers = RawRequestHeaders.Read(raw);
        if (headers is null || headers.MustNotBeAnswered)
        {
            return null;
        }

        var response = new SipResponse(failure.StatusCode, ReasonPhrase(failure.Reason));
        var route = AddVias(response, headers.Values(SipHeaderNames.Via, "v").ToList(), source, reliable);
        if (route is null)
        {
            return null;
        }

        foreach (var (name, compact) in EchoedHeaders)
        {
            // Echoing a broken From/To/CSeq would only make our answer unparseable too; leave it out.
            if (headers.Values(name, compact).FirstOrDefault(v => !v.Any(char.IsControl) && IsWellFormed(name, v)) is { } value)
            {
                response.Headers.Add(name, value);
            }
        }

        return new StatelessReply(response, route);
    }

    /// <summary>Copies the Via values into <paramref name="response"/> and says where it goes; null without any Via.</summary>
    private static SipResponseRoute? AddVias(SipResponse response, List<string> lines, IPEndPoint source, bool reliable)
    {
        lines.RemoveAll(line => line.Length == 0 || line.Any(char.IsControl));
        if (lines.Count == 0)
        {
            return null;
        }

        var elements = new List<string>();
        lines.ForEach(line => ListSplitter.Split(line, elements));
        ViaHeader top;
        try
        {
            // Any SIP version: a request of another version gets its 505 where its own Via says.
            top = ViaHeader.ParseAnyVersion(elements[0]);
        }
        catch (SipParseException)
        {
            lines.ForEach(line => response.Headers.Add(SipHeaderNames.Via, line));
            return SipResponseRoute.ToSource(source);
        }

        ViaStamping.Stamp(top, source);
        response.Headers.Add(SipHeaderNames.Via, top.ToString());
        foreach (var element in elements.Skip(1).Where(e => e.Length > 0))
        {
            response.Headers.Add(SipHeaderNames.Via, element);
        }

        return ResponseRouting.For(top, source, reliable);
    }

    private static bool IsWellFormed(string name, string value)
    {
        try
        {
            HeaderValidator.Validate(name, value, int.MaxValue);
            return true;
        }
        catch (SipParseException)
        {
            return false;
        }
    }

    /// <summary>The parser's reason names what is wrong; keep it printable ASCII so it cannot break the status line.</summary>
    private static string ReasonPhrase(string reason)
    {
        var builder = new StringBuilder(Math.Min(reason.Length, MaxReasonLength));
        foreach (var c in reason)
        {
            if (builder.Length == MaxReasonLength)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.Length == 0 ? "Bad Request" : builder.ToString();
    }
}
