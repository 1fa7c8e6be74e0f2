using System.Buffers;
using System.Text;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Parsing;

/// <summary>Writes messages in canonical form: long header names, CRLF line ends, Content-Length always equal to the body.</summary>
public static class SipMessageWriter
{
    /// <summary>Serialises <paramref name="message"/> into <paramref name="output"/>.</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        var builder = new StringBuilder(512);
        switch (message)
        {
            case SipRequest request:
                builder.Append(request.Method).Append(' ');
                request.RequestUri.AppendTo(builder);
                builder.Append(" SIP/2.0\r\n");
                break;
            case SipResponse response:
                builder.Append("SIP/2.0 ").Append(response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append("\r\n");
                break;
            default:
                throw new ArgumentException("Unknown message kind.", nameof(message));
        }

        foreach (var header in message.Headers)
        {
            if (header.Name == SipHeaderNames.ContentLength)
            {
                continue;
            }

            builder.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        builder.Append(SipHeaderNames.ContentLength).Append(": ").Append(message.Body.Length).Append("\r\n\r\n");
        var headerBytes = Encoding.UTF8.GetByteCount(builder.ToString());
        var span = output.GetSpan(headerBytes + message.Body.Length);
        var written = Encoding.UTF8.GetBytes(builder.ToString(), span);
        message.Body.Span.CopyTo(span[written..]);
        output.Advance(written + message.Body.Length);
    }

    public static byte[] ToBytes(SipMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
