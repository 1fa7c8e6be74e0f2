using System.Text;
using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Messages;

/// <summary>
/// A From/To/Contact/Route-style value: ( name-addr / addr-spec ) *( SEMI param ) (RFC 3261 §20.10, §25.1).
/// The display name is kept as written (quoted or tokens) so it can be written back unchanged.
/// </summary>
public sealed class NameAddress
{
    public NameAddress(SipUri uri, string? displayName = null)
    {
        Uri = uri;
        DisplayName = displayName;
    }

    /// <summary>The display name as written, quotes included when it was quoted; null when absent.</summary>
    public string? DisplayName { get; }

    public SipUri Uri { get; }

    /// <summary>Header parameters (after the URI, outside the angle brackets), e.g. tag, expires, q.</summary>
    public SipParameters Parameters { get; } = new();

    public string? Tag => Parameters["tag"];

    /// <summary>Parses one value; <paramref name="header"/> names the header in error messages.</summary>
    public static NameAddress Parse(ReadOnlySpan<char> text, string header)
    {
        var reader = new ValueReader(text, header);
        reader.SkipWhitespace();
        var remaining = reader.Remaining;
        var angle = IndexOfUnquoted(remaining, '<');
        NameAddress result;
        if (angle >= 0)
        {
            string? display = null;
            if (!reader.AtEnd && reader.Current == '"')
            {
                display = reader.ReadQuotedString();
                reader.SkipWhitespace();
            }
            else
            {
                var tokens = SipGrammar.TrimWhitespace(remaining[..angle]);
                foreach (var c in tokens)
                {
                    if (!SipGrammar.IsToken(c) && !SipGrammar.IsWhitespace(c))
                    {
                        throw reader.Fail("display name must be tokens or a quoted string");
                    }
                }

                display = tokens.IsEmpty ? null : tokens.ToString();
                reader.Position += angle;
            }

            if (reader.AtEnd || reader.Current != '<')
            {
                throw reader.Fail("expected '<' after display name");
            }

            reader.Position++;
            var inner = reader.Remaining;
            var close = inner.IndexOf('>');
            if (close < 0)
            {
                throw reader.Fail("missing '>'");
            }

            var uriText = inner[..close];
            if (uriText.ContainsAny(' ', '\t'))
            {
                throw reader.Fail("whitespace inside '<>'");
            }

            result = new NameAddress(SipUri.Parse(uriText), display);
            reader.Position += close + 1;
        }
        else
        {
            if (!reader.AtEnd && reader.Current == '"')
            {
                throw reader.Fail("unterminated quoted display name");
            }

            // addr-spec form: header parameters begin at the first ';', and the URI itself may not contain ',', ';' or '?' (§20).
            var uriText = reader.ReadWhile(c => c != ';' && !SipGrammar.IsWhitespace(c));
            if (uriText.ContainsAny('?', ','))
            {
                throw reader.Fail("a URI with '?' or ',' must be enclosed in '<>'");
            }

            result = new NameAddress(SipUri.Parse(uriText));
        }

        reader.ReadParameters(result.Parameters);
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after value");
        }

        return result;
    }

    public void AppendTo(StringBuilder builder)
    {
        if (DisplayName is not null)
        {
            builder.Append(DisplayName).Append(' ');
        }

        builder.Append('<');
        Uri.AppendTo(builder);
        builder.Append('>');
        Parameters.AppendTo(builder);
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    private static int IndexOfUnquoted(ReadOnlySpan<char> text, char target)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == target)
            {
                return i;
            }
        }

        return -1;
    }
}
