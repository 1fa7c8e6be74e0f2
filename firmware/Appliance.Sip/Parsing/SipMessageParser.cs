using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing.Internal;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Parsing;

/// <summary>
/// Strict RFC 3261 parser. Never throws on bad input: every failure comes back as a <see cref="SipParseResult"/>
/// carrying the status a server should answer and a reason naming what is wrong.
/// </summary>
public sealed class SipMessageParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] RequiredHeaders =
        [SipHeaderNames.To, SipHeaderNames.From, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.Via];

    private readonly SipParserOptions _options;

    public SipMessageParser(IOptions<SipParserOptions> options)
    {
        _options = options.Value;
    }

    public SipMessageParser()
        : this(Microsoft.Extensions.Options.Options.Create(new SipParserOptions()))
    {
    }

    public SipParserOptions Options => _options;

    /// <summary>Parses one UDP datagram: the body is Content-Length bytes if given, else the rest of the datagram.</summary>
    public SipParseResult ParseDatagram(ReadOnlySpan<byte> datagram) => Parse(datagram, isStream: false);

    /// <summary>Parses one message framed from a stream, where Content-Length is mandatory (§18.3).</summary>
    public SipParseResult ParseStreamMessage(ReadOnlySpan<byte> message) => Parse(message, isStream: true);

    private SipParseResult Parse(ReadOnlySpan<byte> data, bool isStream)
    {
        var looksLikeRequest = !data.StartsWith("SIP/"u8);
        try
        {
            return ParseCore(data, isStream, ref looksLikeRequest);
        }
        catch (SipParseException error)
        {
            return SipParseResult.Fail(error.StatusCode, error.Message, looksLikeRequest);
        }
        catch (DecoderFallbackException)
        {
            return SipParseResult.Fail(400, "Header section is not valid UTF-8.", looksLikeRequest);
        }
    }

    private SipParseResult ParseCore(ReadOnlySpan<byte> data, bool isStream, ref bool looksLikeRequest)
    {
        if (data.Length > _options.MaxMessageSize)
        {
            throw new SipParseException($"Message Too Large: {data.Length} bytes exceeds {_options.MaxMessageSize}.", 513);
        }

        // Empty lines before the start line are keep-alives or leftovers and are skipped (§7.5).
        var offset = 0;
        while (data.Length - offset >= 2 && data[offset] == '\r' && data[offset + 1] == '\n')
        {
            offset += 2;
        }

        looksLikeRequest = !data[offset..].StartsWith("SIP/"u8);
        var headerLength = data[offset..].IndexOf("\r\n\r\n"u8);
        if (headerLength < 0)
        {
            throw new SipParseException("No empty line ends the header section.");
        }

        var headerText = StrictUtf8.GetString(data.Slice(offset, headerLength));
        var bodyStart = offset + headerLength + 4;
        var lines = SplitLines(headerText);
        var message = ParseStartLine(lines[0]);
        looksLikeRequest = message is SipRequest;
        ReadHeaders(lines, message);
        CheckRequiredHeaders(message);

        var lengthText = message.Headers[SipHeaderNames.ContentLength];
        var available = data.Length - bodyStart;
        int bodyLength;
        if (lengthText is null)
        {
            if (isStream)
            {
                throw new SipParseException("Missing Content-Length on a stream transport.");
            }

            bodyLength = available;
        }
        else
        {
            bodyLength = int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
            if (bodyLength > available)
            {
                throw new SipParseException($"Content-Length {bodyLength} is larger than the {available} body bytes received.");
            }
        }

        message.Body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : data.Slice(bodyStart, bodyLength).ToArray();
        return SipParseResult.Ok(message, bodyStart + bodyLength);
    }

    private List<string> SplitLines(string headerText)
    {
        var physical = headerText.Split("\r\n");
        var logical = new List<string>(physical.Length);
        foreach (var line in physical)
        {
            if (line.Length > _options.MaxLineLength)
            {
                throw new SipParseException($"A header line is longer than {_options.MaxLineLength} characters.");
            }

            if (line.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new SipParseException("Bare CR or LF in the header section.");
            }

            if (line.Length > 0 && SipGrammar.IsWhitespace(line[0]))
            {
                // A folded continuation (LWS) joins the previous header line; the start line cannot be continued.
                if (logical.Count <= 1)
                {
                    throw new SipParseException(logical.Count == 0 ? "Start line begins with whitespace." : "The first header line is a continuation.");
                }

                logical[^1] = string.Concat(logical[^1], " ", line.AsSpan().TrimStart(" \t"));
                continue;
            }

            logical.Add(line);
        }

        return logical;
    }

    private static SipMessage ParseStartLine(string line)
    {
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return ParseStatusLine(line);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version: exactly single spaces, nothing trailing (§7.1).
        var parts = line.Split(' ');
        if (parts.Length != 3)
        {
            throw new SipParseException("Malformed Request-Line: expected Method SP Request-URI SP SIP-Version.");
        }

        if (!SipGrammar.IsToken(parts[0]))
        {
            throw new SipParseException("Malformed Request-Line: bad method.");
        }

        CheckVersion(parts[2]);
        var uri = SipUri.Parse(parts[1]);
        if (uri.IsSip && uri.Headers is not null)
        {
            throw new SipParseException("Malformed Request-URI: headers are not allowed in a Request-URI.");
        }

        return new SipRequest(parts[0], uri);
    }

    private static SipResponse ParseStatusLine(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 3)
        {
            throw new SipParseException("Malformed Status-Line: expected SIP-Version SP Status-Code SP Reason-Phrase.");
        }

        CheckVersion(parts[0]);
        if (parts[1].Length != 3 || !SipGrammar.TryParseBoundedNumber(parts[1], 699, out var code) || code < 100)
        {
            throw new SipParseException("Malformed Status-Line: status code must be three digits from 100 to 699.");
        }

        foreach (var c in parts[2])
        {
            if (char.IsControl(c) && c != '\t')
            {
                throw new SipParseException("Malformed Status-Line: control character in reason phrase.");
            }
        }

        return new SipResponse((int)code, parts[2]);
    }

    private static void CheckVersion(string version)
    {
        if (version == "SIP/2.0")
        {
            return;
        }

        var rest = version.AsSpan(version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) ? 4 : 0);
        var dot = rest.IndexOf('.');
        var looksLikeVersion = version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) && dot > 0
            && rest[..dot].IndexOfAnyExcept("0123456789") < 0 && rest[(dot + 1)..].Length > 0
            && rest[(dot + 1)..].IndexOfAnyExcept("0123456789") < 0;
        if (looksLikeVersion && string.Equals(version, "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw looksLikeVersion
            ? new SipParseException($"SIP Version Not Supported: {version}.", 505)
            : new SipParseException("Malformed start line: bad SIP-Version.");
    }

    private void ReadHeaders(List<string> lines, SipMessage message)
    {
        var values = new List<string>();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new SipParseException("Malformed header line: no header name and colon.");
            }

            var rawName = line.AsSpan(0, colon).TrimEnd(" \t");
            if (!SipGrammar.IsToken(rawName))
            {
                throw new SipParseException("Malformed header line: bad header name.");
            }

            var name = SipHeaderNames.Normalize(rawName);
            var value = line[(colon + 1)..].Trim(' ', '\t');
            values.Clear();
            if (SipHeaderNames.IsList(name) && value.Length > 0)
            {
                ListSplitter.Split(value, values);
            }
            else
            {
                values.Add(value);
            }

            foreach (var item in values)
            {
                if (item.Length == 0 && SipHeaderNames.IsList(name))
                {
                    throw new SipParseException($"Malformed {name}: empty list element.");
                }

                HeaderValidator.Validate(name, item, _options.MaxMessageSize);
                if (SipHeaderNames.IsSingle(name) && message.Headers.Contains(name))
                {
                    throw new SipParseException($"Header {name} appears more than once.");
                }

                message.Headers.Add(name, item);
                if (message.Headers.Count > _options.MaxHeaderCount)
                {
                    throw new SipParseException($"More than {_options.MaxHeaderCount} header fields.");
                }
            }
        }
    }

    private static void CheckRequiredHeaders(SipMessage message)
    {
        foreach (var name in RequiredHeaders)
        {
            if (!message.Headers.Contains(name))
            {
                throw new SipParseException($"Missing required header {name}.");
            }
        }

        if (message is SipRequest request && request.CSeq.Method != request.Method)
        {
            throw new SipParseException("CSeq method does not match the request method.");
        }
    }
}
