using System.Text;
using Appliance.Sip.Sdp;

namespace Appliance.Sip.Tests.Sdp;

public sealed class SdpParserTests
{
    internal const string LinphoneOffer =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=Talk\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 96 8 0 101\r\na=rtpmap:96 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n" +
        "m=video 51372 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n";

    private readonly SdpParser _parser = new();

    [Fact]
    public void Parses_session_and_media_sections_and_round_trips()
    {
        var session = _parser.Parse(Encoding.ASCII.GetBytes(LinphoneOffer));

        Assert.Equal(2890844526UL, session.Origin.SessionId);
        Assert.Equal("192.0.2.10", session.Connection!.Address);
        Assert.Equal(2, session.Media.Count);
        var audio = session.Media[0];
        Assert.Equal(["96", "8", "0", "101"], audio.Formats);
        Assert.Equal(new SdpCodec(96, "opus", 48000), audio.CodecFor("96"));
        Assert.Equal(SdpCodec.Pcma, audio.CodecFor("8"));
        Assert.True(audio.CodecFor("101")!.IsTelephoneEvent);
        Assert.Equal(SdpDirection.SendRecv, session.DirectionOf(audio));

        var again = _parser.Parse(SdpWriter.ToBytes(session));
        Assert.Equal(SdpWriter.Write(session), SdpWriter.Write(again));
    }

    [Theory]
    [InlineData("o=a 1 1 IN IP4 1.2.3.4\r\nv=0\r\ns=-\r\nt=0 0\r\n", "start with v=0")]
    [InlineData("v=1\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", "version")]
    [InlineData("v=0\r\no=a x 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", "o= line")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\n", "t= line")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 99999 RTP/AVP 0\r\nc=IN IP4 1.2.3.4\r\n", "port")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", "no c= line")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP\r\n", "m= line")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nc=IN XX 1.2.3.4\r\n", "c= line")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nX=1\r\n", "type=value")]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nv=0\r\n", "twice")]
    public void Malformed_bodies_are_refused_with_a_reason(string body, string expected)
    {
        Assert.False(_parser.TryParse(Encoding.ASCII.GetBytes(body), out var session, out var error));
        Assert.Null(session);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_bound_size_media_count_formats_and_utf8()
    {
        var head = "v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n";
        var manyMedia = head + string.Concat(Enumerable.Repeat("m=audio 4000 RTP/AVP 0\r\n", 9));
        var manyFormats = head + "m=audio 4000 RTP/AVP " + string.Join(' ', Enumerable.Range(0, 40)) + "\r\n";
        var huge = head + "a=x:" + new string('y', 20_000) + "\r\n";
        byte[] badUtf8 = [.. Encoding.ASCII.GetBytes(head + "s="), 0xC0, 0x80, (byte)'\r', (byte)'\n'];

        Assert.Contains("media descriptions", Error(Encoding.ASCII.GetBytes(manyMedia)), StringComparison.Ordinal);
        Assert.Contains("formats", Error(Encoding.ASCII.GetBytes(manyFormats)), StringComparison.Ordinal);
        Assert.Contains("exceeds", Error(Encoding.ASCII.GetBytes(huge)), StringComparison.Ordinal);
        Assert.Contains("UTF-8", Error(badUtf8), StringComparison.Ordinal);
    }

    private string Error(byte[] body)
    {
        Assert.False(_parser.TryParse(body, out _, out var error));
        return error!;
    }
}
