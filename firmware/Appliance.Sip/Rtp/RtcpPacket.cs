using System.Buffers.Binary;

namespace Appliance.Sip.Rtp;

/// <summary>Builds and parses RTCP sender and receiver reports (RFC 3550 §6.4) in caller-provided spans.</summary>
public static class RtcpPacket
{
    public const byte SenderReportType = 200;
    public const byte ReceiverReportType = 201;
    private const int BlockSize = 24;
    private const int MaxBlocks = 31;

    /// <summary>Writes an SR; returns its length, or 0 when <paramref name="destination"/> is too small.</summary>
    public static int WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = 28 + (blocks.Length * BlockSize);
        if (blocks.Length > MaxBlocks || destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, blocks.Length, SenderReportType, length, ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        WriteBlocks(destination[28..], blocks);
        return length;
    }

    /// <summary>Writes an RR; returns its length, or 0 when <paramref name="destination"/> is too small.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = 8 + (blocks.Length * BlockSize);
        if (blocks.Length > MaxBlocks || destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, blocks.Length, ReceiverReportType, length, ssrc);
        WriteBlocks(destination[8..], blocks);
        return length;
    }

    /// <summary>
    /// Validates a compound packet (§6.1: version 2, lengths adding up exactly, first packet SR or RR) and reads its
    /// first report. Blocks beyond <paramref name="blocks"/>' length are skipped. Never throws.
    /// </summary>
    public static bool TryParseReport(ReadOnlySpan<byte> compound, Span<RtcpReportBlock> blocks, out RtcpReport report)
    {
        report = default;
        var offset = 0;
        while (offset < compound.Length)
        {
            if (compound.Length - offset < 4 || compound[offset] >> 6 != 2)
            {
                return false;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(compound[(offset + 2)..]) + 1) * 4;
            if (length > compound.Length - offset)
            {
                return false;
            }

            offset += length;
        }

        if (compound.Length < 8)
        {
            return false;
        }

        var type = compound[1];
        var count = compound[0] & 0x1F;
        var packetLength = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
        var blocksAt = type == SenderReportType ? 28 : 8;
        if (type is not (SenderReportType or ReceiverReportType) || packetLength < blocksAt + (count * BlockSize))
        {
            return false;
        }

        var info = type == SenderReportType
            ? new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(compound[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(compound[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(compound[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(compound[24..]))
            : default;
        var kept = Math.Min(count, blocks.Length);
        for (var i = 0; i < kept; i++)
        {
            blocks[i] = ReadBlock(compound.Slice(blocksAt + (i * BlockSize), BlockSize));
        }

        report = new RtcpReport(type == SenderReportType, BinaryPrimitives.ReadUInt32BigEndian(compound[4..]), info, kept);
        return true;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte type, int length, uint ssrc)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            var block = blocks[i];
            var span = destination.Slice(i * BlockSize, BlockSize);
            BinaryPrimitives.WriteUInt32BigEndian(span, block.Ssrc);
            var lost = Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
            BinaryPrimitives.WriteUInt32BigEndian(span[4..], ((uint)block.FractionLost << 24) | (uint)lost);
            BinaryPrimitives.WriteUInt32BigEndian(span[8..], block.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(span[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(span[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(span[20..], block.DelaySinceLastSenderReport);
        }
    }

    private static RtcpReportBlock ReadBlock(ReadOnlySpan<byte> span)
    {
        var lossWord = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var lost = (int)(lossWord << 8) >> 8; // sign-extend the 24-bit field
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(span),
            (byte)(lossWord >> 24),
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(span[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(span[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(span[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(span[20..]));
    }
}
