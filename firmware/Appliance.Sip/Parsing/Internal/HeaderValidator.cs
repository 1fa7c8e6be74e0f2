using System.Globalization;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Parsing.Internal;

/// <summary>Checks the value of each header the stack understands against its RFC 3261 grammar; unknown headers pass as-is.</summary>
internal static class HeaderValidator
{
    private const long MaxUnsigned32 = uint.MaxValue;

    /// <summary>Throws <see cref="SipParseException"/> naming the header if <paramref name="value"/> is malformed.</summary>
    public static void Validate(string name, string value, int maxContentLength)
    {
        switch (name)
        {
            case SipHeaderNames.Via:
                ViaHeader.Parse(value);
                break;
            case SipHeaderNames.From:
            case SipHeaderNames.To:
            case SipHeaderNames.Route:
            case SipHeaderNames.RecordRoute:
            case SipHeaderNames.ReferTo:
                NameAddress.Parse(value, name);
                break;
            case SipHeaderNames.Contact:
                if (value.Trim() != "*")
                {
                    NameAddress.Parse(value, name);
                }

                break;
            case SipHeaderNames.CSeq:
                CSeqHeader.Parse(value);
                break;
            case SipHeaderNames.CallId:
                ValidateCallId(value);
                break;
            case SipHeaderNames.MaxForwards:
                RequireNumber(value, 255, name);
                break;
            case SipHeaderNames.ContentLength:
                RequireNumber(value, maxContentLength, name);
                break;
            case SipHeaderNames.Expires:
            case "Min-Expires":
                RequireNumber(value, MaxUnsigned32, name);
                break;
            case "Retry-After":
                ValidateRetryAfter(value);
                break;
            case SipHeaderNames.ContentType:
                ValidateMediaType(value, name);
                break;
            case SipHeaderNames.Date:
                ValidateDate(value);
                break;
            case "Warning":
                ValidateWarning(value);
                break;
            case SipHeaderNames.Require:
            case SipHeaderNames.ProxyRequire:
            case SipHeaderNames.Supported:
            case SipHeaderNames.Unsupported:
            case SipHeaderNames.Allow:
                if (value.Length > 0 && !SipGrammar.IsToken(value.AsSpan()))
                {
                    throw new SipParseException($"Malformed {name}: expected a token.");
                }

                break;
            default:
                break;
        }
    }

    private static void ValidateCallId(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var ok = at < 0
            ? SipGrammar.IsWord(value)
            : SipGrammar.IsWord(value.AsSpan(0, at)) && SipGrammar.IsWord(value.AsSpan(at + 1));
        if (!ok)
        {
            throw new SipParseException("Malformed Call-ID: expected word [\"@\" word].");
        }
    }

    private static void RequireNumber(string value, long max, string name)
    {
        if (!SipGrammar.TryParseBoundedNumber(value, max, out _))
        {
            throw new SipParseException($"Malformed {name}: expected a number from 0 to {max}.");
        }
    }

    private static void ValidateRetryAfter(string value)
    {
        var span = value.AsSpan();
        var end = span.IndexOfAnyExcept("0123456789");
        var digits = end < 0 ? span : span[..end];
        if (!SipGrammar.TryParseBoundedNumber(digits, MaxUnsigned32, out _))
        {
            throw new SipParseException("Malformed Retry-After: expected delta-seconds below 2^32.");
        }
    }

    private static void ValidateMediaType(string value, string name)
    {
        var reader = new ValueReader(value, name);
        reader.ReadToken("media type");
        if (!reader.TryConsume('/'))
        {
            throw reader.Fail("expected type/subtype");
        }

        reader.ReadToken("media subtype");
        reader.ReadParameters(new SipParameters());
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after media type");
        }
    }

    private static void ValidateDate(string value)
    {
        // rfc1123-date with the zone fixed to GMT (§20.17).
        if (!DateTime.TryParseExact(value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _))
        {
            throw new SipParseException("Malformed Date: expected an RFC 1123 date in GMT.");
        }
    }

    private static void ValidateWarning(string value)
    {
        // warning-value = warn-code SP warn-agent SP warn-text, warn-code = 3DIGIT.
        var parts = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0].Length != 3 || !parts[0].All(char.IsAsciiDigit) || !parts[2].StartsWith('"'))
        {
            throw new SipParseException("Malformed Warning: expected 3-digit code, agent and quoted text.");
        }
    }
}
