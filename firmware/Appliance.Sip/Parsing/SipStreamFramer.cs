using System.Buffers;

namespace Appliance.Sip.Parsing;

/// <summary>
/// Cuts a TCP byte stream into messages by the blank line and Content-Length (§18.3). Bytes are copied into one
/// reusable buffer; a peer that sends more than the message size limit without completing a message is refused.
/// </summary>
public sealed class SipStreamFramer
{
    private readonly SipMessageParser _parser;
    private byte[] _buffer;
    private int _count;

    public SipStreamFramer(SipMessageParser parser)
    {
        _parser = parser;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(8192, parser.Options.MaxMessageSize + 4));
    }

    /// <summary>
    /// The header section of the message behind the last failed result, so the transport can answer it (§21.4.1).
    /// Copied only on failure; empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> LastRejectedHeaders { get; private set; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Whether the last failed result lost the message boundaries, so the connection must be closed.</summary>
    public bool LastFailureBrokeStream { get; private set; }

    /// <summary>Appends received bytes. Returns false (and the reason) when the stream is beyond repair and must be closed.</summary>
    public bool Append(ReadOnlySpan<byte> data, out string? error)
    {
        error = null;
        var limit = _parser.Options.MaxMessageSize + 4;
        if (_count + data.Length > limit)
        {
            error = $"Message Too Large: more than {_parser.Options.MaxMessageSize} bytes without a complete message.";
            return false;
        }

        if (_count + data.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, Math.Max(_buffer.Length * 2, _count + data.Length)));
            _buffer.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        data.CopyTo(_buffer.AsSpan(_count));
        _count += data.Length;
        return true;
    }

    /// <summary>
    /// Takes the next complete message off the buffer. Returns null when more bytes are needed; a failed result when the
    /// framing itself is broken (no usable Content-Length), after which the connection should be closed.
    /// </summary>
    public SipParseResult? TryReadMessage()
    {
        var data = _buffer.AsSpan(0, _count);
        var skipped = 0;
        while (data.Length - skipped >= 2 && data[skipped] == '\r' && data[skipped + 1] == '\n')
        {
            skipped += 2;
        }

        if (skipped > 0)
        {
            Consume(skipped);
            data = _buffer.AsSpan(0, _count);
        }

        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return null;
        }

        LastRejectedHeaders = ReadOnlyMemory<byte>.Empty;
        LastFailureBrokeStream = false;
        var bodyLength = FindContentLength(data[..headerEnd]);
        if (bodyLength < 0)
        {
            RememberRejected(data[..headerEnd], brokeStream: true);
            Consume(_count);
            return SipParseResult.Fail(400, "Missing or malformed Content-Length on a stream transport.", !data.StartsWith("SIP/"u8));
        }

        var total = headerEnd + 4 + bodyLength;
        if (total > _parser.Options.MaxMessageSize)
        {
            RememberRejected(data[..headerEnd], brokeStream: true);
            Consume(_count);
            return SipParseResult.Fail(513, "Message Too Large.", !data.StartsWith("SIP/"u8));
        }

        if (data.Length < total)
        {
            return null;
        }

        var result = _parser.ParseStreamMessage(data[..total]);
        if (!result.Success)
        {
            RememberRejected(data[..headerEnd], brokeStream: false);
        }

        Consume(total);
        return result;
    }

    private static int FindContentLength(ReadOnlySpan<byte> headers)
    {
        foreach (var range in headers.Split("\r\n"u8))
        {
            var line = headers[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (name.SequenceEqual("l"u8) || name.SequenceEqual("L"u8) || System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                var value = line[(colon + 1)..].Trim(" \t"u8);
                var length = 0;
                if (value.IsEmpty || value.Length > 9)
                {
                    return -1;
                }

                foreach (var b in value)
                {
                    if (b is < (byte)'0' or > (byte)'9')
                    {
                        return -1;
                    }

                    length = (length * 10) + (b - '0');
                }

                return length;
            }
        }

        return -1;
    }

    private void RememberRejected(ReadOnlySpan<byte> headers, bool brokeStream)
    {
        LastRejectedHeaders = headers.ToArray();
        LastFailureBrokeStream = brokeStream;
    }

    private void Consume(int count)
    {
        _buffer.AsSpan(count, _count - count).CopyTo(_buffer);
        _count -= count;
    }
}
