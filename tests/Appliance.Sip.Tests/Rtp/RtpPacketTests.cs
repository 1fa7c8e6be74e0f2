using Appliance.Sip.Rtp;

namespace Appliance.Sip.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void Write_then_parse_round_trips_into_caller_buffers()
    {
        Span<byte> buffer = stackalloc byte[200];
        var payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        var header = new RtpHeader(true, 8, 65535, uint.MaxValue, 0xDEADBEEF);

        Assert.True(RtpPacket.TryWrite(buffer, header, payload, out var written));
        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer[..written], out var parsed, out var offset, out var length));

        Assert.Equal(header, parsed);
        Assert.True(buffer.Slice(offset, length).SequenceEqual(payload));
        Assert.False(RtpPacket.TryWrite(buffer[..100], header, payload, out _));
    }

    [Fact]
    public void CSRCs_extension_and_padding_are_skipped()
    {
        // V=2 P=1 X=1 CC=1; one CSRC; extension of one word; payload AA BB; three bytes of padding.
        byte[] packet = [0xB1, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0xBE, 0xDE, 0, 1, 9, 9, 9, 9, 0xAA, 0xBB, 0, 0, 3];

        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(packet, out var header, out var offset, out var length));
        Assert.Equal(1, header.SequenceNumber);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, packet.AsSpan(offset, length).ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0 }, RtpParseStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 }, RtpParseStatus.BadCsrcCount)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0xFF, 0xFF }, RtpParseStatus.BadExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 200 }, RtpParseStatus.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 1, 0 }, RtpParseStatus.BadPadding)]
    public void Malformed_packets_are_named(byte[] packet, RtpParseStatus expected)
    {
        Assert.Equal(expected, RtpPacket.TryParse(packet, out _, out _, out _));
    }

    [Fact]
    public void Sequence_and_timestamp_arithmetic_survives_wrap()
    {
        Assert.Equal(2, RtpSerialArithmetic.SequenceDistance(1, 65535));
        Assert.Equal(-2, RtpSerialArithmetic.SequenceDistance(65535, 1));
        Assert.Equal(320, RtpSerialArithmetic.TimestampDistance(160, uint.MaxValue - 159));
        Assert.Equal(65536 + 1, RtpSerialArithmetic.Extend(1, 65535));
        Assert.Equal(65535, RtpSerialArithmetic.Extend(65535, 65536 + 2));
    }

    [Fact]
    public void Interarrival_jitter_is_zero_for_steady_packets_and_tracks_variation_per_A8()
    {
        var steady = new InterarrivalJitter();
        var wobbly = new InterarrivalJitter();
        for (var i = 0; i < 200; i++)
        {
            var timestamp = uint.MaxValue - 1_000 + (uint)(i * 160);   // crosses the 32-bit wrap
            steady.Update(timestamp, 5_000 + (i * 160));
            wobbly.Update(timestamp, 5_000 + (i * 160) + (i % 2 == 0 ? 0 : 80));
        }

        Assert.Equal(0, steady.Jitter, 3);
        Assert.InRange(wobbly.Jitter, 79, 80.01); // |D| is 80 every packet: J converges to 80
    }
}
