using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Tests.Support;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Parsing;

public sealed class SipMessageParserTests
{
    private static byte[] Invite(string extraHeaders = "", string body = "") => Encoding.UTF8.GetBytes(
        "INVITE sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n" +
        "To: <sip:agent@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" + extraHeaders +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body);

    [Fact]
    public void Written_message_parses_back_to_the_same_headers_and_body()
    {
        var request = TestRequests.Create("INVITE");
        request.Headers.Add("Content-Type", "application/sdp");
        request.Body = Encoding.ASCII.GetBytes("v=0\r\n");
        var bytes = SipMessageWriter.ToBytes(request);

        var parsed = Assert.IsType<SipRequest>(new SipMessageParser().ParseDatagram(bytes).Message);
        Assert.Equal(request.Headers.Select(h => (h.Name, h.Value)), parsed.Headers.Where(h => h.Name != "Content-Length").Select(h => (h.Name, h.Value)));
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(parsed.Body.Span));
        Assert.Equal("5", parsed.Headers["Content-Length"]);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP [2001:db8::1]:5070;branch=z9hG4bKv6", "[2001:db8::1]", 5070)]
    [InlineData("SIP/2.0/TCP [::1];rport", "[::1]", null)]
    public void A_Via_with_an_IPv6_reference_parses_its_colons_as_the_address(string via, string host, int? port)
    {
        var parsed = ViaHeader.Parse(via);
        Assert.Equal((host, port), (parsed.Host, parsed.Port));
        var request = Encoding.UTF8.GetString(Invite()).Replace("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", via, StringComparison.Ordinal);
        var result = new SipMessageParser().ParseDatagram(Encoding.UTF8.GetBytes(request));
        Assert.True(result.Success, result.Reason);
        Assert.Throws<SipParseException>(() => ViaHeader.Parse("SIP/2.0/UDP [2001:db8::1:5070"));
    }

    [Fact]
    public void Another_SIP_version_in_a_Via_is_505_but_still_readable_for_routing_the_answer()
    {
        Assert.Equal(505, Assert.Throws<SipParseException>(() => ViaHeader.Parse("SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw")).StatusCode);
        var lenient = ViaHeader.ParseAnyVersion("SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw");
        Assert.Equal(("7.0", "c.example.com", "z9hG4bKkdjuw"), (lenient.ProtocolVersion, lenient.Host, lenient.Branch));
    }

    [Fact]
    public void Message_over_the_size_limit_gets_513()
    {
        var parser = new SipMessageParser(Options.Create(new SipParserOptions { MaxMessageSize = 600 }));
        var result = parser.ParseDatagram(Invite(body: new string('x', 700)));
        Assert.Equal(513, result.StatusCode);
        Assert.Contains("Too Large", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_headers_are_refused_with_400_naming_the_limit()
    {
        var parser = new SipMessageParser(Options.Create(new SipParserOptions { MaxHeaderCount = 10 }));
        var result = parser.ParseDatagram(Invite(string.Concat(Enumerable.Repeat("X-Pad: 1\r\n", 10))));
        Assert.Equal(400, result.StatusCode);
        Assert.Contains("header fields", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_line_is_refused()
    {
        var parser = new SipMessageParser(Options.Create(new SipParserOptions { MaxLineLength = 100 }));
        var result = parser.ParseDatagram(Invite($"Subject: {new string('s', 200)}\r\n"));
        Assert.False(result.Success);
        Assert.Contains("longer than 100", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_in_headers_is_refused_and_valid_UTF8_kept()
    {
        var good = new SipMessageParser().ParseDatagram(Invite("Subject: Überweisung 转账\r\n"));
        Assert.Equal("Überweisung 转账", good.Message!.Headers["Subject"]);

        var bytes = Invite("Subject: X\r\n");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC0;
        var bad = new SipMessageParser().ParseDatagram(bytes);
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("UTF-8", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Folded_and_comma_separated_values_are_split_and_compact_names_normalised()
    {
        var result = new SipMessageParser().ParseDatagram(Invite("v: SIP/2.0/UDP h2;branch=z9hG4bK2,\r\n SIP/2.0/TCP h3:5080;branch=z9hG4bK3\r\nk: replaces, timer\r\n"));
        var message = result.Message!;
        Assert.Equal(["127.0.0.1", "h2", "h3"], message.Vias.Select(v => v.Host));
        Assert.Equal(5080, message.Vias[2].Port);
        Assert.Equal(["replaces", "timer"], message.Headers.GetAll("Supported"));
    }

    [Fact]
    public void Stream_framer_cuts_messages_by_content_length_across_reads()
    {
        var parser = new SipMessageParser();
        var framer = new SipStreamFramer(parser);
        var first = Invite(body: "hello");
        var second = Invite(body: "world!");
        var stream = (byte[])[.. "\r\n"u8, .. first, .. second];

        Assert.True(framer.Append(stream.AsSpan(0, 30), out _));
        Assert.Null(framer.TryReadMessage());
        Assert.True(framer.Append(stream.AsSpan(30), out _));
        var one = framer.TryReadMessage();
        var two = framer.TryReadMessage();
        Assert.Equal("hello", Encoding.ASCII.GetString(one!.Message!.Body.Span));
        Assert.Equal("world!", Encoding.ASCII.GetString(two!.Message!.Body.Span));
        Assert.Null(framer.TryReadMessage());
    }

    [Fact]
    public void Stream_without_content_length_is_a_framing_error()
    {
        var framer = new SipStreamFramer(new SipMessageParser());
        var text = Encoding.ASCII.GetString(Invite()).Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal);
        framer.Append(Encoding.ASCII.GetBytes(text), out _);
        var result = framer.TryReadMessage();
        Assert.False(result!.Success);
        Assert.Contains("Content-Length", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:alice:secret@example.com:5070;transport=tcp;lr?subject=hi", "sip", "alice", "example.com", 5070)]
    [InlineData("sips:[2001:db8::1]:5061", "sips", null, "[2001:db8::1]", 5061)]
    [InlineData("sip:127.0.0.1", "sip", null, "127.0.0.1", null)]
    public void Sip_uris_parse_into_parts_and_write_back(string text, string scheme, string? user, string host, int? port)
    {
        var uri = SipUri.Parse(text);
        Assert.Equal((scheme, user, host, port), (uri.Scheme, uri.User, uri.Host, uri.Port));
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("sip:a@host:99999")]
    [InlineData("sip:a b@host")]
    [InlineData("sip:a@ho%st")]
    [InlineData("sip:@host")]
    [InlineData("sip:a@host;=x")]
    [InlineData("<sip:a@host>")]
    public void Bad_uris_are_refused(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void Tel_uri_is_kept_opaque()
    {
        var uri = SipUri.Parse("tel:+86-10-95599;phone-context=example.com");
        Assert.Equal("tel", uri.Scheme);
        Assert.Equal("+86-10-95599;phone-context=example.com", uri.Opaque);
    }
}
