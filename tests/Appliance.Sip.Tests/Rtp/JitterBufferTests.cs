using Appliance.Sip.Rtp;

namespace Appliance.Sip.Tests.Rtp;

public sealed class JitterBufferTests
{
    private readonly byte[] _packet = new byte[200];
    private readonly byte[] _out = new byte[500];

    [Fact]
    public void Reorders_drops_duplicates_and_late_packets_across_the_sequence_wrap()
    {
        var buffer = new JitterBuffer();
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 65534));
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 0));      // 65534, then 0 before 65535
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 65535));
        Assert.Equal(JitterPushResult.Duplicate, Push(buffer, 0));

        Assert.Equal(65534, PopSequence(buffer));
        Assert.Equal(65535, PopSequence(buffer));
        Assert.Equal(0, PopSequence(buffer));
        Assert.Equal(JitterPushResult.Late, Push(buffer, 65535));
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 2));
        Assert.Equal(JitterPopResult.Missing, buffer.Pop(_out, out _, out _)); // 1 never came
        Assert.Equal(2, PopSequence(buffer));
    }

    [Fact]
    public void Buffers_to_the_target_depth_before_playing_and_after_an_underrun()
    {
        var buffer = new JitterBuffer();
        Push(buffer, 10);
        Assert.Equal(JitterPopResult.Buffering, buffer.Pop(_out, out _, out _));
        Push(buffer, 11);
        Assert.Equal(10, PopSequence(buffer));
        Assert.Equal(11, PopSequence(buffer));
        Assert.Equal(JitterPopResult.Buffering, buffer.Pop(_out, out _, out _));
    }

    [Fact]
    public void Depth_grows_with_measured_jitter_and_stays_bounded()
    {
        var steady = new JitterBuffer();
        var jittery = new JitterBuffer();
        for (ushort i = 0; i < 100; i++)
        {
            Push(steady, i, arrival: i * 160);
            Push(jittery, i, arrival: (i * 160) + (i % 2 == 0 ? 0 : 400));
            steady.Pop(_out, out _, out _);
            jittery.Pop(_out, out _, out _);
        }

        Assert.Equal(2, steady.TargetDepthFrames);
        Assert.InRange(jittery.TargetDepthFrames, 5, 12);
        Assert.InRange(jittery.Jitter, 350, 401);
    }

    [Fact]
    public void A_new_SSRC_takes_over_after_two_consecutive_packets_but_one_stray_packet_does_not()
    {
        var buffer = new JitterBuffer();
        Push(buffer, 100, ssrc: 1);
        Assert.Equal(JitterPushResult.ForeignSource, Push(buffer, 7, ssrc: 2));
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 101, ssrc: 1));
        Assert.Equal(JitterPushResult.ForeignSource, Push(buffer, 500, ssrc: 3));
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 501, ssrc: 3));

        Assert.Equal(3u, buffer.Ssrc);
        Assert.Equal(1, buffer.SsrcChanges);
        Push(buffer, 502, ssrc: 3);
        Assert.Equal(501, PopSequence(buffer));
    }

    [Fact]
    public void A_sequence_jump_is_believed_after_two_packets_in_a_row()
    {
        var buffer = new JitterBuffer();
        Push(buffer, 100);
        Assert.Equal(JitterPushResult.Overflow, Push(buffer, 40_000));
        Assert.Equal(JitterPushResult.Accepted, Push(buffer, 40_001));
        Push(buffer, 40_002);
        Assert.Equal(40_001, PopSequence(buffer));
    }

    [Fact]
    public void Malformed_and_oversized_packets_change_nothing()
    {
        var buffer = new JitterBuffer();
        Push(buffer, 5);
        Assert.Equal(JitterPushResult.Malformed, buffer.Push(new byte[] { 1, 2, 3 }, 0));
        Assert.Equal(JitterPushResult.Malformed, buffer.Push(new byte[1_000].Also(b => b[0] = 0x80), 0));
        Assert.Equal(1, buffer.Count);
    }

    private JitterPushResult Push(JitterBuffer buffer, ushort sequence, long arrival = 0, uint ssrc = 42)
    {
        RtpPacket.TryWrite(_packet, new RtpHeader(false, 0, sequence, sequence * 160u, ssrc), new byte[160], out var written);
        return buffer.Push(_packet.AsSpan(0, written), arrival == 0 ? sequence * 160L : arrival);
    }

    private int PopSequence(JitterBuffer buffer)
    {
        Assert.Equal(JitterPopResult.Frame, buffer.Pop(_out, out var header, out var length));
        Assert.Equal(160, length);
        return header.SequenceNumber;
    }
}

internal static class ArrayExtensions
{
    public static byte[] Also(this byte[] bytes, Action<byte[]> change)
    {
        change(bytes);
        return bytes;
    }
}
