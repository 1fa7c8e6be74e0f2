using System.Text;
using Appliance.Sip.Rtp;
using Appliance.Sip.Sdp;

namespace Appliance.Sip.Tests.Mutation;

/// <summary>
/// SDP bodies and RTP/RTCP/RFC 4733 packets mutated the same hostile ways as the SIP messages (with those 100,000 the
/// total is 150,000): nothing escapes, and the stream still plays a clean packet afterwards.
/// </summary>
public sealed class MediaMutationTests
{
    private const int SdpCount = 20_000;
    private const int RtpCount = 30_000;

    [Fact]
    public void Mutated_SDP_bodies_are_parsed_or_refused_and_offer_answer_never_throws()
    {
        var parser = new SdpParser();
        var local = new SdpLocalMedia(System.Net.IPAddress.Loopback, 20_000, SdpLocalMedia.DefaultCodecs, 1, 1);
        var seeds = new[]
        {
            Encoding.ASCII.GetBytes(Sdp.SdpParserTests.LinphoneOffer),
            SdpWriter.ToBytes(SdpOfferAnswer.CreateOffer(local, SdpDirection.SendOnly)),
        };
        var mutator = new SipMutator(seed: 4566);
        var refused = 0;
        for (var i = 0; i < SdpCount; i++)
        {
            if (!parser.TryParse(mutator.Mutate(seeds[i % seeds.Length]), out var offer, out _))
            {
                refused++;
                continue;
            }

            var result = SdpOfferAnswer.CreateAnswer(offer!, local);
            Assert.True(result.Accepted || result.StatusCode == 488);
            _ = SdpWriter.Write(offer!);
        }

        Assert.InRange(refused, SdpCount / 10, SdpCount - (SdpCount / 20));
        Assert.True(parser.TryParse(seeds[0], out _, out _));
    }

    [Fact]
    public void Mutated_RTP_RTCP_and_event_packets_never_throw_and_the_buffer_still_plays()
    {
        var buffer = new JitterBuffer();
        var receiver = new TelephoneEventReceiver();
        var blocks = new RtcpReportBlock[4];
        var output = new byte[1_500];
        var seeds = Seeds();
        var mutator = new SipMutator(seed: 3550);
        var malformed = 0;
        for (var i = 0; i < RtpCount; i++)
        {
            var packet = mutator.Mutate(seeds[i % seeds.Length]);
            if (buffer.Push(packet, i * 160L) == JitterPushResult.Malformed)
            {
                malformed++;
            }

            if (RtpPacket.TryParse(packet, out var header, out var offset, out var length) == RtpParseStatus.Ok)
            {
                _ = receiver.Process(header, packet.AsSpan(offset, length));
            }

            _ = RtcpPacket.TryParseReport(packet, blocks, out _);
            _ = buffer.Pop(output, out _, out _);
        }

        Assert.True(malformed > RtpCount / 20, $"only {malformed} malformed");

        // A clean stream from a fresh source still gets through.
        var clean = new byte[200];
        for (ushort s = 0; s < 3; s++)
        {
            RtpPacket.TryWrite(clean, new RtpHeader(false, 0, s, s * 160u, 0xC1EA4), new byte[160], out var written);
            buffer.Push(clean.AsSpan(0, written), 0);
        }

        JitterPopResult popped;
        var guard = 0;
        do
        {
            popped = buffer.Pop(output, out _, out _);
        }
        while (popped != JitterPopResult.Frame && ++guard < 100);
        Assert.Equal(JitterPopResult.Frame, popped);
    }

    private static byte[][] Seeds()
    {
        var rtp = new byte[172];
        RtpPacket.TryWrite(rtp, new RtpHeader(true, 0, 1000, 160_000, 77), new byte[160], out _);
        var rtcp = new byte[128];
        var rtcpLength = RtcpPacket.WriteSenderReport(rtcp, 77, new RtcpSenderInfo(1, 2, 3, 4), [new RtcpReportBlock(1, 2, 3, 4, 5, 6, 7)]);
        var dtmf = new byte[16];
        var sender = new TelephoneEventSender(101, 77);
        sender.Start(3, 500, 320);
        sender.TryWriteNext(dtmf, 1001, out var dtmfLength);
        return [rtp, rtcp[..rtcpLength], dtmf[..dtmfLength]];
    }
}
