using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Sdp;

/// <summary>
/// RFC 4566 parser: v=, o=, s= first in that order, t= required, type=value lines with a single lowercase letter,
/// strict UTF-8, and bounded by <see cref="SdpLimits"/>. Lines it does not use (i=, b=, k=...) are checked and skipped.
/// </summary>
public sealed class SdpParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly SdpLimits _limits;

    public SdpParser(IOptions<SdpLimits> limits)
    {
        _limits = limits.Value;
    }

    public SdpParser()
        : this(Options.Create(new SdpLimits()))
    {
    }

    /// <summary>Parses a body or throws <see cref="SdpParseException"/> naming what is wrong.</summary>
    public SdpSessionDescription Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length > _limits.MaxBodySize)
        {
            throw new SdpParseException($"SDP body of {body.Length} bytes exceeds {_limits.MaxBodySize}.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new SdpParseException("SDP body is not valid UTF-8.");
        }

        var lines = text.Split('\n');
        if (lines.Length > _limits.MaxLines + 1)
        {
            throw new SdpParseException($"SDP body has more than {_limits.MaxLines} lines.");
        }

        return ParseLines(lines);
    }

    /// <summary>Like <see cref="Parse"/> but reports failure instead of throwing.</summary>
    public bool TryParse(ReadOnlySpan<byte> body, out SdpSessionDescription? session, out string? error)
    {
        try
        {
            session = Parse(body);
            error = null;
            return true;
        }
        catch (SdpParseException failure)
        {
            session = null;
            error = failure.Message;
            return false;
        }
    }

    private SdpSessionDescription ParseLines(string[] rawLines)
    {
        SdpSessionDescription? session = null;
        SdpMediaDescription? media = null;
        var index = 0;
        var sawTiming = false;
        foreach (var raw in rawLines)
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                continue; // A trailing empty line is common; blank lines elsewhere are tolerated too.
            }

            if (line.Length < 2 || line[1] != '=' || line[0] is < 'a' or > 'z')
            {
                throw new SdpParseException($"SDP line {index + 1} is not type=value.");
            }

            var type = line[0];
            var value = line[2..];
            if (value.Any(c => char.IsControl(c) && c != '\t'))
            {
                throw new SdpParseException($"SDP {type}= line has a control character.");
            }

            switch (index, type)
            {
                case (0, 'v'):
                    if (value != "0")
                    {
                        throw new SdpParseException($"Unsupported SDP version v={value}.");
                    }

                    break;
                case (0, _):
                    throw new SdpParseException("SDP must start with v=0.");
                case (1, 'o'):
                    session = new SdpSessionDescription(ParseOrigin(value));
                    break;
                case (1, _):
                    throw new SdpParseException("SDP o= must follow v=.");
                case (2, 's'):
                    session!.SessionName = value;
                    break;
                case (2, _):
                    throw new SdpParseException("SDP s= must follow o=.");
                case (_, 'v' or 'o' or 's'):
                    throw new SdpParseException($"SDP {type}= appears twice.");
                case (_, 't'):
                    if (media is not null)
                    {
                        throw new SdpParseException("SDP t= inside a media section.");
                    }

                    ParseTiming(value);
                    session!.Timing = sawTiming ? session.Timing : value;
                    sawTiming = true;
                    break;
                case (_, 'c'):
                    var connection = ParseConnection(value);
                    if (media is null)
                    {
                        session!.Connection = connection;
                    }
                    else
                    {
                        media.Connection = connection;
                    }

                    break;
                case (_, 'm'):
                    if (session!.Media.Count >= _limits.MaxMediaDescriptions)
                    {
                        throw new SdpParseException($"SDP has more than {_limits.MaxMediaDescriptions} media descriptions.");
                    }

                    media = ParseMedia(value);
                    session.Media.Add(media);
                    break;
                case (_, 'a'):
                    (media?.Attributes ?? session!.Attributes).Add(ParseAttribute(value));
                    break;
                default:
                    break;
            }

            index++;
        }

        if (session is null || !sawTiming)
        {
            throw new SdpParseException(session is null ? "SDP lacks v=, o= and s=." : "SDP lacks a t= line.");
        }

        foreach (var section in session.Media)
        {
            if (session.ConnectionOf(section) is null && section.Port != 0)
            {
                throw new SdpParseException($"SDP {section.Media} stream has no c= line at session or media level.");
            }
        }

        return session;
    }

    private static SdpOrigin ParseOrigin(string value)
    {
        var parts = value.Split(' ');
        if (parts.Length != 6 || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || parts.Any(p => p.Length == 0))
        {
            throw new SdpParseException("Malformed SDP o= line: expected username sess-id sess-version nettype addrtype address.");
        }

        return new SdpOrigin(parts[0], id, version, parts[3], parts[4], parts[5]);
    }

    private static void ParseTiming(string value)
    {
        var parts = value.Split(' ');
        if (parts.Length != 2 || !parts.All(p => ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new SdpParseException("Malformed SDP t= line: expected two decimal times.");
        }
    }

    private static SdpConnection ParseConnection(string value)
    {
        var parts = value.Split(' ');
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6") || parts[2].Length is 0 or > 255)
        {
            throw new SdpParseException("Malformed SDP c= line: expected IN IP4|IP6 address.");
        }

        // A multicast TTL suffix (a.b.c.d/ttl) is allowed by RFC 4566; we keep only the address.
        var address = parts[2].Split('/')[0];
        if (parts[1] == "IP4" && !System.Net.IPAddress.TryParse(address, out _) && !IsHostName(address))
        {
            throw new SdpParseException("Malformed SDP c= address.");
        }

        return new SdpConnection(parts[0], parts[1], address);
    }

    private SdpMediaDescription ParseMedia(string value)
    {
        var parts = value.Split(' ');
        if (parts.Length < 4 || parts.Any(p => p.Length == 0))
        {
            throw new SdpParseException("Malformed SDP m= line: expected media port proto fmt...");
        }

        if (parts.Length - 3 > _limits.MaxFormatsPerMedia)
        {
            throw new SdpParseException($"SDP m= line lists more than {_limits.MaxFormatsPerMedia} formats.");
        }

        var portText = parts[1].Split('/')[0];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65_535)
        {
            throw new SdpParseException($"Malformed SDP m= port '{parts[1]}'.");
        }

        if (!IsToken(parts[0]) || !IsToken(parts[2]))
        {
            throw new SdpParseException("Malformed SDP m= media or protocol.");
        }

        return new SdpMediaDescription(parts[0], port, parts[2], parts.Skip(3));
    }

    private static SdpAttribute ParseAttribute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        if (!IsToken(name))
        {
            throw new SdpParseException("Malformed SDP a= attribute name.");
        }

        return new SdpAttribute(name, colon < 0 ? null : value[(colon + 1)..]);
    }

    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`{|}~/".Contains(c, StringComparison.Ordinal));

    private static bool IsHostName(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
}
