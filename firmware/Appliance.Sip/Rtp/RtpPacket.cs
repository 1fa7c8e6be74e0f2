using System.Buffers.Binary;

namespace Appliance.Sip.Rtp;

/// <summary>Reads and writes RTP packets (RFC 3550 §5.1) in caller-provided spans; nothing here allocates.</summary>
public static class RtpPacket
{
    public const int FixedHeaderSize = 12;

    /// <summary>
    /// Validates <paramref name="packet"/> and finds its payload, skipping CSRCs and a header extension and dropping padding.
    /// </summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset, out int payloadLength)
    {
        header = default;
        payloadOffset = 0;
        payloadLength = 0;
        if (packet.Length < FixedHeaderSize)
        {
            return RtpParseStatus.TooShort;
        }

        var first = packet[0];
        if (first >> 6 != 2)
        {
            return RtpParseStatus.BadVersion;
        }

        var offset = FixedHeaderSize + ((first & 0x0F) * 4);
        if (offset > packet.Length)
        {
            return RtpParseStatus.BadCsrcCount;
        }

        if ((first & 0x10) != 0)
        {
            if (offset + 4 > packet.Length)
            {
                return RtpParseStatus.BadExtension;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4);
            if (offset > packet.Length)
            {
                return RtpParseStatus.BadExtension;
            }
        }

        var end = packet.Length;
        if ((first & 0x20) != 0)
        {
            // The last octet counts the padding, itself included (§5.1).
            var padding = packet[^1];
            if (padding == 0 || offset + padding > end)
            {
                return RtpParseStatus.BadPadding;
            }

            end -= padding;
        }

        header = new RtpHeader(
            (packet[1] & 0x80) != 0,
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        payloadOffset = offset;
        payloadLength = end - offset;
        return RtpParseStatus.Ok;
    }

    /// <summary>Writes a packet with no CSRCs, extension or padding. Returns false when <paramref name="destination"/> is too small.</summary>
    public static bool TryWrite(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload, out int written)
    {
        written = 0;
        if (header.PayloadType > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(header), "RTP payload type is 7 bits (0-127).");
        }

        if (destination.Length < FixedHeaderSize + payload.Length)
        {
            return false;
        }

        destination[0] = 0x80;
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        payload.CopyTo(destination[FixedHeaderSize..]);
        written = FixedHeaderSize + payload.Length;
        return true;
    }
}
