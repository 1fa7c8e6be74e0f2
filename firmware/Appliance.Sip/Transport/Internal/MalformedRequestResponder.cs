using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// Builds the error response for a request the parser refused (§8.2, §21.4.1). The message did not parse, so the
/// headers a response must echo (Via, From, To, Call-ID, CSeq) are read leniently from the raw header section.
/// Without a Via we can parse there is nowhere sensible to answer, and an ACK is never answered.
/// </summary>
internal static class MalformedRequestResponder
{
    private const int MaxReasonLength = 120;
    private static readonly (string Name, string Compact)[] EchoedHeaders =
        [(SipHeaderNames.Via, "v"), (SipHeaderNames.From, "f"), (SipHeaderNames.To, "t"), (SipHeaderNames.CallId, "i"), (SipHeaderNames.CSeq, string.Empty)];

    public static SipResponse? TryBuild(SipParseResult failure, ReadOnlySpan<byte> raw)
    {
        if (failure.Success || !failure.IsRequest || raw.IsEmpty)
        {
            return null;
        }

        var headerEnd = raw.IndexOf("\r\n\r\n"u8);
        var text = Encoding.UTF8.GetString(headerEnd < 0 ? raw : raw[..headerEnd]);
        var lines = Unfold(text);
        if (lines.Count == 0 || lines[0].StartsWith("ACK ", StringComparison.Ordinal) || lines[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var response = new SipResponse(failure.StatusCode, ReasonPhrase(failure.Reason));
        var vias = new List<string>();
        foreach (var (name, compact) in EchoedHeaders)
        {
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var lineName = line.AsSpan(0, colon).Trim(" \t");
                if (!lineName.Equals(name, StringComparison.OrdinalIgnoreCase) && !(compact.Length > 0 && lineName.Equals(compact, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var value = line[(colon + 1)..].Trim(' ', '\t');
                if (value.Any(char.IsControl) || (name != SipHeaderNames.Via && !IsWellFormed(name, value)))
                {
                    // Echoing a broken From/To/CSeq would only make our answer unparseable too; leave it out.
                    continue;
                }

                if (name == SipHeaderNames.Via)
                {
                    vias.Clear();
                    ListSplitter.Split(value, vias);
                    vias.ForEach(v => response.Headers.Add(name, v.Trim()));
                }
                else if (!response.Headers.Contains(name))
                {
                    response.Headers.Add(name, value);
                }
            }
        }

        return HasUsableTopVia(response) ? response : null;
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

    private static bool HasUsableTopVia(SipResponse response)
    {
        var top = response.Headers[SipHeaderNames.Via];
        if (top is null)
        {
            return false;
        }

        try
        {
            _ = ViaHeader.Parse(top);
            return true;
        }
        catch (SipParseException)
        {
            return false;
        }
    }

    /// <summary>Joins continuation lines (§7.3.1) so a folded Via is still found.</summary>
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += " " + line.Trim(' ', '\t');
            }
            else if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
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
