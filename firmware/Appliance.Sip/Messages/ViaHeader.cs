using System.Text;
using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Messages;

/// <summary>One Via value: sent-protocol, sent-by and parameters (RFC 3261 §20.42).</summary>
public sealed class ViaHeader
{
    /// <summary>The RFC 3261 branch prefix that marks a transaction id unique across space and time.</summary>
    public const string MagicCookie = "z9hG4bK";

    public ViaHeader(string transport, string host, int? port, string? branch)
    {
        Transport = transport;
        Host = host;
        Port = port;
        if (branch is not null)
        {
            Parameters.Set("branch", branch);
        }
    }

    public string ProtocolName { get; private init; } = "SIP";

    public string ProtocolVersion { get; private init; } = "2.0";

    /// <summary>The transport token as written (UDP, TCP, TLS, SCTP or an unknown one).</summary>
    public string Transport { get; }

    public string Host { get; }

    public int? Port { get; }

    public SipParameters Parameters { get; } = new();

    public string? Branch => Parameters["branch"];

    /// <summary>Whether the branch starts with the RFC 3261 magic cookie and has something after it.</summary>
    public bool HasRfc3261Branch => Branch is { } branch && branch.StartsWith(MagicCookie, StringComparison.Ordinal) && branch.Length > MagicCookie.Length;

    /// <summary>Parses one Via value; another protocol version than SIP/2.0 is refused with 505.</summary>
    public static ViaHeader Parse(ReadOnlySpan<char> text) => Parse(text, anyVersion: false);

    /// <summary>
    /// Parses one Via value whatever its protocol version, so a request of another SIP version can still be answered
    /// with 505 where its Via says (§18.2.2); everything else must be well-formed.
    /// </summary>
    internal static ViaHeader ParseAnyVersion(ReadOnlySpan<char> text) => Parse(text, anyVersion: true);

    private static ViaHeader Parse(ReadOnlySpan<char> text, bool anyVersion)
    {
        var reader = new ValueReader(text, "Via");
        var name = reader.ReadToken("protocol name");
        if (!reader.TryConsume('/'))
        {
            throw reader.Fail("expected '/'");
        }

        var version = reader.ReadToken("protocol version");
        if (!reader.TryConsume('/'))
        {
            throw reader.Fail("expected '/'");
        }

        var transport = reader.ReadToken("transport");
        reader.SkipWhitespace();
        // An IPv6 reference is read whole up to its ']' (its colons are not the port's).
        var inBrackets = !reader.AtEnd && reader.Current == '[';
        var hostText = inBrackets
            ? reader.ReadWhile(c => c != ']')
            : reader.ReadWhile(c => !SipGrammar.IsWhitespace(c) && c is not ';' and not ':');
        if (inBrackets && reader.TryConsume(']'))
        {
            hostText = string.Concat(hostText, "]");
        }

        reader.SkipWhitespace();
        var portText = ReadOnlySpan<char>.Empty;
        if (!reader.AtEnd && reader.Current == ':')
        {
            reader.Position++;
            reader.SkipWhitespace();
            portText = reader.ReadWhile(char.IsAsciiDigit);
            if (portText.IsEmpty)
            {
                throw reader.Fail("bad port");
            }
        }

        var hostPort = portText.IsEmpty ? hostText.ToString() : $"{hostText}:{portText}";
        var (host, port) = HostPort.Parse(hostPort, "Via");
        var via = new ViaHeader(transport, host, port, null) { ProtocolName = name, ProtocolVersion = version };
        reader.ReadParameters(via.Parameters);
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after value");
        }

        if (!anyVersion && (!string.Equals(name, "SIP", StringComparison.OrdinalIgnoreCase) || version != "2.0"))
        {
            throw new SipParseException($"Unsupported protocol version in Via: {name}/{version}.", 505);
        }

        return via;
    }

    public void AppendTo(StringBuilder builder)
    {
        builder.Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }
}
