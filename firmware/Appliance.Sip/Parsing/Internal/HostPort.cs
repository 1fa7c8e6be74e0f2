namespace Appliance.Sip.Parsing.Internal;

/// <summary>hostport = host [ ":" port ] where host is a hostname, IPv4 address or bracketed IPv6 reference.</summary>
internal static class HostPort
{
    public static (string Host, int? Port) Parse(ReadOnlySpan<char> text, string context)
    {
        ReadOnlySpan<char> host;
        ReadOnlySpan<char> portText = default;
        var hasPort = false;
        if (!text.IsEmpty && text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                throw new Parsing.SipParseException($"Malformed {context}: unterminated IPv6 reference.");
            }

            host = text[..(close + 1)];
            var inner = host[1..^1];
            if (!System.Net.IPAddress.TryParse(inner, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                throw new Parsing.SipParseException($"Malformed {context}: bad IPv6 reference.");
            }

            var after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    throw new Parsing.SipParseException($"Malformed {context}: junk after IPv6 reference.");
                }

                hasPort = true;
                portText = after[1..];
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            host = colon >= 0 ? text[..colon] : text;
            if (colon >= 0)
            {
                hasPort = true;
                portText = text[(colon + 1)..];
            }

            if (!IsHostname(host))
            {
                throw new Parsing.SipParseException($"Malformed {context}: bad host.");
            }
        }

        int? port = null;
        if (hasPort)
        {
            if (!SipGrammar.TryParseBoundedNumber(portText, 65535, out var value))
            {
                throw new Parsing.SipParseException($"Malformed {context}: bad port.");
            }

            port = (int)value;
        }

        return (host.ToString(), port);
    }

    private static bool IsHostname(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host[0] == '-' || host[0] == '.')
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
