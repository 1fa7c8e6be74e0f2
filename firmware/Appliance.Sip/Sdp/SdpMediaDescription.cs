namespace Appliance.Sip.Sdp;

/// <summary>An m= section (RFC 4566 §5.14) with its own c= and a= lines.</summary>
public sealed class SdpMediaDescription
{
    public SdpMediaDescription(string media, int port, string protocol, IEnumerable<string> formats)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = [.. formats];
    }

    /// <summary>"audio", "video"...</summary>
    public string Media { get; }

    /// <summary>0 marks a rejected or disabled stream (RFC 3264 §6).</summary>
    public int Port { get; set; }

    public string Protocol { get; }

    /// <summary>Payload type numbers as written, in the writer's order of preference.</summary>
    public List<string> Formats { get; }

    public SdpConnection? Connection { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>The direction attribute of this stream, or null when it has none (then the session's applies).</summary>
    public SdpDirection? Direction => SdpSessionDescription.DirectionIn(Attributes);

    /// <summary>The payload format a payload type number stands for: its rtpmap, or the RFC 3551 static table.</summary>
    public SdpCodec? CodecFor(string format)
    {
        if (!int.TryParse(format, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var payloadType) || payloadType > 127)
        {
            return null;
        }

        foreach (var attribute in Attributes)
        {
            if (attribute.Name != "rtpmap" || attribute.Value is null)
            {
                continue;
            }

            var space = attribute.Value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || attribute.Value.AsSpan(0, space).ToString() != format)
            {
                continue;
            }

            var encoding = attribute.Value[(space + 1)..].Split('/');
            return encoding.Length >= 2 && int.TryParse(encoding[1], System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
                ? new SdpCodec(payloadType, encoding[0], rate)
                : null;
        }

        return payloadType switch
        {
            0 => SdpCodec.Pcmu,
            8 => SdpCodec.Pcma,
            _ => null,
        };
    }
}
