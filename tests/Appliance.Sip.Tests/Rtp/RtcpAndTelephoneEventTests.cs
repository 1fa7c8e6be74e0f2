using Appliance.Sip.Rtp;

namespace Appliance.Sip.Tests.Rtp;

public sealed class RtcpAndTelephoneEventTests
{
    [Fact]
    public void Sender_and_receiver_reports_round_trip_including_negative_loss()
    {
        var buffer = new byte[256];
        RtcpReportBlock[] blocks = [new(7, 25, -3, 70_000, 123, 0xAABBCCDD, 65536), new(8, 0, 500, 1, 2, 3, 4)];
        var info = new RtcpSenderInfo(0x0123456789ABCDEF, 160_000, 1000, 160_000);

        var length = RtcpPacket.WriteSenderReport(buffer, 99, info, blocks);
        var read = new RtcpReportBlock[4];
        Assert.True(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), read, out var report));
        Assert.True(report.IsSenderReport);
        Assert.Equal(99u, report.Ssrc);
        Assert.Equal(info, report.SenderInfo);
        Assert.Equal(blocks, read[..report.BlockCount]);

        length = RtcpPacket.WriteReceiverReport(buffer, 5, blocks[..1]);
        Assert.True(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), read, out report));
        Assert.False(report.IsSenderReport);
        Assert.Equal(blocks[0], read[0]);
    }

    [Fact]
    public void Malformed_compound_packets_are_refused()
    {
        var buffer = new byte[64];
        var length = RtcpPacket.WriteReceiverReport(buffer, 5, [new RtcpReportBlock(1, 2, 3, 4, 5, 6, 7)]);
        var blocks = new RtcpReportBlock[1];

        Assert.False(RtcpPacket.TryParseReport(buffer.AsSpan(0, length - 1), blocks, out _));   // lengths don't add up
        buffer[0] = 0x41;
        Assert.False(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), blocks, out _));       // version 1
        buffer[0] = 0x85;
        Assert.False(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), blocks, out _));       // claims 5 blocks
        Assert.Equal(0, RtcpPacket.WriteReceiverReport(buffer.AsSpan(0, 10), 5, [new RtcpReportBlock()]));
    }

    [Fact]
    public void Sender_marks_the_first_packet_grows_duration_and_sends_the_end_three_times()
    {
        var sender = new TelephoneEventSender(101, 0x1234);
        sender.Start(eventCode: 5, timestamp: 8_000, duration: 640);
        var packets = new List<(RtpHeader Header, byte[] Payload)>();
        var buffer = new byte[64];
        ushort sequence = 65534;
        while (sender.TryWriteNext(buffer, sequence++, out var written))
        {
            RtpPacket.TryParse(buffer.AsSpan(0, written), out var header, out var offset, out var length);
            packets.Add((header, buffer.AsSpan(offset, length).ToArray()));
        }

        Assert.Equal(6, packets.Count);                       // 160, 320, 480, then 640 with E three times
        Assert.True(packets[0].Header.Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Header.Marker));
        Assert.All(packets, p => Assert.Equal(8_000u, p.Header.Timestamp));
        Assert.Equal([160, 320, 480, 640, 640, 640], packets.Select(p => (p.Payload[2] << 8) | p.Payload[3]));
        Assert.Equal(3, packets.Count(p => (p.Payload[1] & 0x80) != 0));
        Assert.Equal(3, packets[^1].Header.SequenceNumber);   // wrapped from 65534
        Assert.False(sender.IsActive);
    }

    [Fact]
    public void Receiver_reports_one_digit_per_event_ignoring_repeats_and_retransmitted_ends()
    {
        var sender = new TelephoneEventSender(101, 0x1234);
        var receiver = new TelephoneEventReceiver();
        var digits = new List<char>();
        var buffer = new byte[64];
        ushort sequence = 0;
        foreach (var (code, timestamp) in new[] { ((byte)1, 0u), ((byte)1, 4_000u), ((byte)11, 8_000u) })
        {
            sender.Start(code, timestamp, 480);
            while (sender.TryWriteNext(buffer, sequence++, out var written))
            {
                RtpPacket.TryParse(buffer.AsSpan(0, written), out var header, out var offset, out var length);
                if (receiver.Process(header, buffer.AsSpan(offset, length)) is { } digit)
                {
                    digits.Add(digit);
                }

                // A late retransmission of the same packet is absorbed too.
                Assert.Null(receiver.Process(header, buffer.AsSpan(offset, length)));
            }
        }

        Assert.Equal(['1', '1', '#'], digits);
        Assert.Null(receiver.Process(new RtpHeader(false, 101, 1, 99, 1), new byte[] { 200, 0, 0, 0 }));
        Assert.Null(receiver.Process(new RtpHeader(false, 101, 1, 98, 1), new byte[] { 1, 0 }));
    }
}
