using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Telephony.Tests.Sip;

public sealed class SipEndpointRefusalTests
{
    [Fact]
    public async Task An_INVITE_from_an_address_that_is_no_trunk_is_refused_and_offers_no_call()
    {
        await using var box = new SipEndpointFixture(trunkAddress: "192.0.2.1");
        using var stranger = new SipTestPeer();
        stranger.Send(SipScript.Invite(stranger.SipEndPoint, box.Box, "fraud-1", "f1", SipScript.Sdp(stranger.RtpPort)), box.Box);

        var refusal = await stranger.ResponseAsync(box.Tick, 403);
        Assert.Equal("fraud-1", refusal.CallId);
        Assert.Empty(box.Arrived);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    [Theory]
    [InlineData("v=0\nthis is not sdp\n", 400)]
    [InlineData("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 18\na=rtpmap:18 G729/8000\n", 488)]
    public async Task A_bad_or_unacceptable_offer_is_refused_and_the_next_call_still_works(string sdp, int status)
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, "bad-1", "x1", sdp), box.Box);

        await trunk.ResponseAsync(box.Tick, status);
        Assert.Empty(box.Arrived);

        await SipChannelCallTests.AnsweredCallAsync(box, trunk, "good-1");
        Assert.Single(box.Arrived);
    }

    [Fact]
    public async Task An_INVITE_without_SDP_is_refused_with_488()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        trunk.Send(SipScript.Request("INVITE", trunk.SipEndPoint, box.Box, "late-1", "l1", 1, null, $"Contact: <sip:t@{trunk.SipEndPoint}>\n"), box.Box);

        await trunk.ResponseAsync(box.Tick, 488);
        Assert.Empty(box.Arrived);
    }

    [Fact]
    public async Task BYE_and_CANCEL_for_unknown_calls_get_481_and_OPTIONS_gets_200()
    {
        await using var box = new SipEndpointFixture();
        using var peer = new SipTestPeer();
        peer.Send(SipScript.Request("BYE", peer.SipEndPoint, box.Box, "nobody", "u1", 2, "sometag"), box.Box);
        await peer.ResponseAsync(box.Tick, 481, "BYE");
        peer.Send(SipScript.Request("CANCEL", peer.SipEndPoint, box.Box, "nobody", "u2", 1, null), box.Box);
        await peer.ResponseAsync(box.Tick, 481, "CANCEL");
        peer.Send(SipScript.Request("OPTIONS", peer.SipEndPoint, box.Box, "ping", "u3", 1, null), box.Box);
        var options = await peer.ResponseAsync(box.Tick, 200, "OPTIONS");
        Assert.Contains("INVITE", options.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_BYE_with_a_stale_CSeq_is_refused_and_leaves_the_call_up()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, trunk, "cseq-1");
        trunk.Send(SipScript.Request("BYE", trunk.SipEndPoint, box.Box, "cseq-1", "s1", 1, ok.To.Tag), box.Box);

        await trunk.ResponseAsync(box.Tick, 500, "BYE");
        Assert.Equal(Appliance.Telephony.Channels.ChannelState.Up, box.Arrived[0].State);
    }

    [Fact]
    public async Task Dialing_an_extension_with_no_registered_phone_is_refused_with_a_clear_error()
    {
        await using var box = new SipEndpointFixture();
        var error = Assert.Throws<ArgumentException>(() => box.Endpoint.Dial("1001"));
        Assert.Contains("1001", error.Message, StringComparison.Ordinal);
        Assert.Contains("registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trunk_options_name_a_bad_address_and_match_sources_exactly()
    {
        var options = new Appliance.Telephony.Sip.SipTrunkOptions();
        options.Sources["gw"] = "10.0.0.7";
        options.Sources["bad"] = "not-an-ip";
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("Sip:Trunks:Sources:bad", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("gw", options.TrunkFor(IPAddress.Parse("10.0.0.7")));
        Assert.Equal("gw", options.TrunkFor(IPAddress.Parse("10.0.0.7").MapToIPv6()));
        Assert.Null(options.TrunkFor(IPAddress.Parse("10.0.0.8")));
    }
}
