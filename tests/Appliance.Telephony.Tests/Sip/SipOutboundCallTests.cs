using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Sdp;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;

namespace Appliance.Telephony.Tests.Sip;

public sealed class SipOutboundCallTests
{
    [Fact]
    public async Task Dialing_a_registered_phone_sends_INVITE_and_its_200_brings_the_leg_up_with_an_ACK()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        box.Endpoint.Locate = user => user == "1001" ? [new SipContactTarget(SipUri.Parse($"sip:1001@{phone.SipEndPoint}"), phone.SipEndPoint, false)] : [];

        var leg = box.Endpoint.Dial("1001");
        var invite = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");
        Assert.Equal("1001", invite.RequestUri.User);
        var offer = new SdpParser().Parse(invite.Body.Span);
        Assert.Contains("0", offer.Media[0].Formats);
        Assert.Equal(ChannelState.Ringing, leg.State);

        var ok = SipResponse.CreateFor(invite, 200, "OK", "phonetag");
        ok.Headers.Add(SipHeaderNames.Contact, $"<sip:1001@{phone.SipEndPoint}>");
        ok.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        ok.Body = System.Text.Encoding.UTF8.GetBytes(SipScript.Sdp(phone.RtpPort).Replace("\n", "\r\n", StringComparison.Ordinal));
        phone.Send(ok, box.Box);

        var ack = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "ACK");
        Assert.Equal(invite.CSeq.Sequence, ack.CSeq.Sequence);
        Assert.Equal("phonetag", ack.To.Tag);
        await box.UntilAsync(() => leg.State == ChannelState.Up);

        leg.Background = new Appliance.Telephony.Audio.SineSource(1200);
        Assert.NotEmpty(SipChannelCallTests.ReceiveAudio(phone.Rtp, box, 2));
    }

    [Fact]
    public async Task Hanging_up_a_ringing_leg_sends_CANCEL_and_a_busy_phone_ends_the_leg_as_no_answer()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        box.Endpoint.Locate = _ => [new SipContactTarget(SipUri.Parse($"sip:1002@{phone.SipEndPoint}"), phone.SipEndPoint, false)];

        var cancelled = box.Endpoint.Dial("1002");
        var invite = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");
        cancelled.HangUp(HangupCause.NoAnswer);
        var cancel = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "CANCEL");
        Assert.Equal(invite.TopVia.Branch, cancel.TopVia.Branch);
        Assert.Equal(invite.CSeq.Sequence, cancel.CSeq.Sequence);

        var busy = box.Endpoint.Dial("1002");
        var second = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE" && r.CallId != invite.CallId);
        phone.Send(SipResponse.CreateFor(second, 486, "Busy Here", "t2"), box.Box);
        await box.UntilAsync(() => busy.State == ChannelState.Down);
        Assert.Equal(HangupCause.NoAnswer, await busy.Ended);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }
}
