using System.Net;
using System.Text;
using Appliance.Sip.Sdp;

namespace Appliance.Sip.Tests.Sdp;

public sealed class SdpOfferAnswerTests
{
    private static readonly SdpLocalMedia Box = new(IPAddress.Parse("192.0.2.1"), 20_000, SdpLocalMedia.DefaultCodecs, 7, 1);
    private static readonly SdpLocalMedia Phone = new(IPAddress.Parse("192.0.2.2"), 30_000, [SdpCodec.Pcma, SdpCodec.Pcmu, SdpCodec.TelephoneEvent with { PayloadType = 96 }], 9, 1);
    private readonly SdpParser _parser = new();

    [Fact]
    public void Answer_takes_the_offerers_first_common_codec_and_its_telephone_event_number_and_disables_video()
    {
        var offer = _parser.Parse(Encoding.ASCII.GetBytes(SdpParserTests.LinphoneOffer));

        var result = SdpOfferAnswer.CreateAnswer(offer, Box);

        Assert.True(result.Accepted);
        Assert.Equal(SdpCodec.Pcma, result.Media!.Codec);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 49170), result.Media.RemoteRtp);
        var answer = _parser.Parse(SdpWriter.ToBytes(result.Answer!));
        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(["8", "101"], answer.Media[0].Formats);
        Assert.Equal(0, answer.Media[1].Port);
    }

    [Fact]
    public void Offer_and_answer_between_two_of_our_stacks_agree()
    {
        var offer = SdpOfferAnswer.CreateOffer(Box);
        var answered = SdpOfferAnswer.CreateAnswer(_parser.Parse(SdpWriter.ToBytes(offer)), Phone);
        var atOfferer = SdpOfferAnswer.ReadAnswer(_parser.Parse(SdpWriter.ToBytes(answered.Answer!)), Box);

        Assert.Equal(SdpCodec.Pcmu, answered.Media!.Codec);
        Assert.Equal(SdpCodec.Pcmu, atOfferer!.Codec);
        Assert.Equal(101, atOfferer.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 30_000), atOfferer.RemoteRtp);
        Assert.True(atOfferer.MaySend && atOfferer.ExpectsReceive);
    }

    [Theory]
    [InlineData(SdpDirection.SendOnly, false, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.RecvOnly, false, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.Inactive, false, SdpDirection.Inactive)]
    [InlineData(SdpDirection.SendRecv, false, SdpDirection.SendRecv)]
    [InlineData(SdpDirection.SendRecv, true, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.SendOnly, true, SdpDirection.Inactive)]
    public void Hold_and_resume_by_direction_attributes(SdpDirection offered, bool localHold, SdpDirection expected)
    {
        var offer = SdpOfferAnswer.CreateOffer(Box, offered);

        var result = SdpOfferAnswer.CreateAnswer(_parser.Parse(SdpWriter.ToBytes(offer)), Phone, localHold);

        Assert.Equal(expected, result.Media!.LocalDirection);
        Assert.Contains(result.Answer!.Media[0].Attributes, a => a.Name == expected.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Old_style_hold_with_c_0_0_0_0_means_do_not_send()
    {
        var offer = SdpOfferAnswer.CreateOffer(Box);
        offer.Connection = new SdpConnection("IN", "IP4", "0.0.0.0");

        var result = SdpOfferAnswer.CreateAnswer(_parser.Parse(SdpWriter.ToBytes(offer)), Phone);

        Assert.Equal(SdpDirection.RecvOnly, result.Media!.LocalDirection);
        Assert.Null(result.Media.RemoteRtp);
        Assert.False(result.Media.MaySend);
    }

    [Fact]
    public void Offer_with_no_common_codec_is_refused_with_488()
    {
        var body = "v=0\r\no=x 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n" +
                   "m=audio 4000 RTP/AVP 9 18 101\r\na=rtpmap:101 telephone-event/8000\r\n";

        var result = SdpOfferAnswer.CreateAnswer(_parser.Parse(Encoding.ASCII.GetBytes(body)), Box);

        Assert.False(result.Accepted);
        Assert.Equal(488, result.StatusCode);
        Assert.Contains("no common audio codec", result.Reason, StringComparison.Ordinal);
    }
}
