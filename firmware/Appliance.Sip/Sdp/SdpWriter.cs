using System.Globalization;
using System.Text;

namespace Appliance.Sip.Sdp;

/// <summary>Writes an SDP body in RFC 4566 order with CRLF line ends.</summary>
public static class SdpWriter
{
    public static string Write(SdpSessionDescription session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var builder = new StringBuilder(256);
        var o = session.Origin;
        builder.Append("v=0\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"o={o.Username} {o.SessionId} {o.SessionVersion} {o.NetworkType} {o.AddressType} {o.Address}\r\n");
        builder.Append("s=").Append(session.SessionName.Length == 0 ? "-" : session.SessionName).Append("\r\n");
        AppendConnection(builder, session.Connection);
        builder.Append("t=").Append(session.Timing).Append("\r\n");
        AppendAttributes(builder, session.Attributes);
        foreach (var media in session.Media)
        {
            builder.Append(CultureInfo.InvariantCulture, $"m={media.Media} {media.Port} {media.Protocol} {string.Join(' ', media.Formats)}\r\n");
            AppendConnection(builder, media.Connection);
            AppendAttributes(builder, media.Attributes);
        }

        return builder.ToString();
    }

    public static byte[] ToBytes(SdpSessionDescription session) => Encoding.UTF8.GetBytes(Write(session));

    private static void AppendConnection(StringBuilder builder, SdpConnection? connection)
    {
        if (connection is not null)
        {
            builder.Append("c=").Append(connection.NetworkType).Append(' ').Append(connection.AddressType).Append(' ').Append(connection.Address).Append("\r\n");
        }
    }

    private static void AppendAttributes(StringBuilder builder, List<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            builder.Append("a=").Append(attribute.Name);
            if (attribute.Value is not null)
            {
                builder.Append(':').Append(attribute.Value);
            }

            builder.Append("\r\n");
        }
    }
}
