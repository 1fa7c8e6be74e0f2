using System.Text;
using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Messages;

/// <summary>
/// A URI as SIP carries it (RFC 3261 §19.1): sip/sips URIs are parsed into parts; tel (RFC 3966) and any other
/// absolute URI keep their text in <see cref="Opaque"/> so they can be forwarded or refused (416) by the caller.
/// </summary>
public sealed class SipUri
{
    private SipUri(string scheme)
    {
        Scheme = scheme;
    }

    /// <summary>The scheme in lower case: "sip", "sips", "tel" or another.</summary>
    public string Scheme { get; }

    public string? User { get; private set; }

    public string? Password { get; private set; }

    public string Host { get; private set; } = string.Empty;

    public int? Port { get; private set; }

    public SipParameters Parameters { get; } = new();

    /// <summary>The "?hname=hvalue&amp;..." part without the "?", or null.</summary>
    public string? Headers { get; private set; }

    /// <summary>For tel and unknown schemes, everything after "scheme:".</summary>
    public string? Opaque { get; private set; }

    public bool IsSip => Scheme is "sip" or "sips";

    public static SipUri Create(string scheme, string? user, string host, int? port = null)
    {
        var uri = new SipUri(scheme) { User = user, Host = host, Port = port };
        return uri;
    }

    /// <summary>Parses a URI, throwing <see cref="SipParseException"/> (status 400) with what is wrong.</summary>
    public static SipUri Parse(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            throw new SipParseException("Malformed URI: no scheme.");
        }

        var schemeText = text[..colon];
        if (!char.IsAsciiLetter(schemeText[0]) || !IsSchemeText(schemeText))
        {
            throw new SipParseException("Malformed URI: bad scheme.");
        }

        var uri = new SipUri(schemeText.ToString().ToLowerInvariant());
        var rest = text[(colon + 1)..];
        if (rest.IsEmpty)
        {
            throw new SipParseException("Malformed URI: empty after scheme.");
        }

        if (uri.IsSip)
        {
            uri.ParseSipParts(rest);
        }
        else
        {
            foreach (var c in rest)
            {
                if (c <= ' ' || c >= '\x7F' || c is '<' or '>' or '"')
                {
                    throw new SipParseException("Malformed URI: illegal character.");
                }
            }

            uri.Opaque = rest.ToString();
        }

        return uri;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out SipUri? uri)
    {
        try
        {
            uri = Parse(text);
            return true;
        }
        catch (SipParseException)
        {
            uri = null;
            return false;
        }
    }

    public void AppendTo(StringBuilder builder)
    {
        builder.Append(Scheme).Append(':');
        if (!IsSip)
        {
            builder.Append(Opaque);
            return;
        }

        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    private static bool IsSchemeText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private void ParseSipParts(ReadOnlySpan<char> rest)
    {
        // userinfo cannot hold an unescaped "@", so the first one ends it.
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            var user = passwordColon >= 0 ? userInfo[..passwordColon] : userInfo;
            if (user.IsEmpty || !SipGrammar.IsEscapedRun(user, SipGrammar.IsUserChar))
            {
                throw new SipParseException("Malformed URI: bad user part.");
            }

            User = user.ToString();
            if (passwordColon >= 0)
            {
                var password = userInfo[(passwordColon + 1)..];
                if (!SipGrammar.IsEscapedRun(password, SipGrammar.IsPasswordChar))
                {
                    throw new SipParseException("Malformed URI: bad password.");
                }

                Password = password.ToString();
            }

            rest = rest[(at + 1)..];
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            var headers = rest[(question + 1)..];
            if (headers.IsEmpty || !SipGrammar.IsEscapedRun(headers, c => SipGrammar.IsHeaderChar(c) || c is '=' or '&'))
            {
                throw new SipParseException("Malformed URI: bad headers part.");
            }

            Headers = headers.ToString();
            rest = rest[..question];
        }

        var semicolon = rest.IndexOf(';');
        var hostPort = semicolon >= 0 ? rest[..semicolon] : rest;
        ParseHostPort(hostPort);
        if (semicolon >= 0)
        {
            ParseUriParameters(rest[(semicolon + 1)..]);
        }
    }

    private void ParseHostPort(ReadOnlySpan<char> hostPort)
    {
        (Host, Port) = HostPort.Parse(hostPort, "URI");
    }

    private void ParseUriParameters(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split(';'))
        {
            var part = text[range];
            var equals = part.IndexOf('=');
            var name = equals >= 0 ? part[..equals] : part;
            if (name.IsEmpty || !SipGrammar.IsEscapedRun(name, SipGrammar.IsParamChar))
            {
                throw new SipParseException("Malformed URI: bad parameter.");
            }

            string? value = null;
            if (equals >= 0)
            {
                var valueText = part[(equals + 1)..];
                if (valueText.IsEmpty || !SipGrammar.IsEscapedRun(valueText, SipGrammar.IsParamChar))
                {
                    throw new SipParseException("Malformed URI: bad parameter value.");
                }

                value = valueText.ToString();
            }

            Parameters.Add(name.ToString(), value);
        }
    }
}
