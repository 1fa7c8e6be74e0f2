using System.Text;
using Appliance.Sip.Messages;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>A phone's REFER (blind transfer) and hold, as the call flow sees them through <see cref="IChannel"/>.</summary>
public sealed class SipTransferAndHoldTests
{
    [Fact]
    public async Task A_REFER_the_call_flow_takes_gets_202_and_a_final_NOTIFY_with_a_200_sipfrag()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "xfer-1");
        var channel = box.Arrived[0];
        var targets = new List<string>();
        channel.TransferRequested += (leg, target) =>
        {
            targets.Add(target);
            leg.ReportTransfer(true);
        };

        phone.Send(Refer(phone, box, "xfer-1", "r1", 2, ok.To.Tag!, $"Refer-To: <sip:1002@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 202, "REFER");
        var notify = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "NOTIFY");

        Assert.Equal(["1002"], targets);
        Assert.Equal("refer", notify.Headers["Event"]);
        Assert.StartsWith("terminated", notify.Headers["Subscription-State"], StringComparison.Ordinal);
        Assert.StartsWith("message/sipfrag", notify.ContentType, StringComparison.Ordinal);
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(notify.Body.Span));
        Assert.Equal("xfer-1", notify.CallId);
        Assert.Equal(ok.To.Tag, notify.From.Tag);
        Assert.Equal(ChannelState.Up, channel.State);
    }

    [Fact]
    public async Task A_REFER_with_Refer_Sub_false_is_taken_without_any_NOTIFY()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "xfer-5");
        box.Arrived[0].TransferRequested += (leg, _) => leg.ReportTransfer(true);

        phone.Send(Refer(phone, box, "xfer-5", "r1", 2, ok.To.Tag!, $"Refer-To: <sip:1002@{box.Box}>\nRefer-Sub: false\n"), box.Box);
        var accepted = await phone.ResponseAsync(box.Tick, 202, "REFER");
        Assert.Equal("false", accepted.Headers["Refer-Sub"]);

        // A NOTIFY would have been sent right after the 202, so it would come before the answer to this OPTIONS.
        phone.Send(SipScript.Request("OPTIONS", phone.SipEndPoint, box.Box, "probe-5", "o1", 1, null), box.Box);
        var next = await phone.ReceiveAsync<SipMessage>(box.Tick, m => m is SipRequest { Method: "NOTIFY" } or SipResponse { CSeq.Method: "OPTIONS" });
        Assert.True(next is SipResponse { CSeq.Method: "OPTIONS" }, SipTestPeer.Describe(next));
    }

    [Fact]
    public async Task A_REFER_nobody_can_route_is_declined_and_the_call_stays_up()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "xfer-2");
        var channel = box.Arrived[0];

        // No handler at all (the caller is still in the menu): declined.
        phone.Send(Refer(phone, box, "xfer-2", "r1", 2, ok.To.Tag!, $"Refer-To: <sip:1002@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 603, "REFER");

        // A handler that refuses (e.g. the target agent is busy): declined too.
        channel.TransferRequested += (leg, _) => leg.ReportTransfer(false);
        phone.Send(Refer(phone, box, "xfer-2", "r2", 3, ok.To.Tag!, $"Refer-To: <sip:1003@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 603, "REFER");
        Assert.Equal(ChannelState.Up, channel.State);
    }

    [Fact]
    public async Task A_transfer_decided_later_gets_a_100_Trying_NOTIFY_then_the_final_one()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "xfer-3");
        var channel = box.Arrived[0];
        IChannel? asked = null;
        channel.TransferRequested += (leg, _) => asked = leg;

        phone.Send(Refer(phone, box, "xfer-3", "r1", 2, ok.To.Tag!, $"Refer-To: <sip:queue-b@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 202, "REFER");
        var trying = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "NOTIFY");
        Assert.Equal("SIP/2.0 100 Trying\r\n", Encoding.ASCII.GetString(trying.Body.Span));
        Assert.StartsWith("active", trying.Headers["Subscription-State"], StringComparison.Ordinal);

        // A second REFER while the first is undecided is refused with 491.
        phone.Send(Refer(phone, box, "xfer-3", "r2", 3, ok.To.Tag!, $"Refer-To: <sip:1002@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 491, "REFER");

        asked!.ReportTransfer(false);
        var final = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "NOTIFY" && r.CSeq.Sequence != trying.CSeq.Sequence);
        Assert.Equal("SIP/2.0 603 Declined\r\n", Encoding.ASCII.GetString(final.Body.Span));
        Assert.StartsWith("terminated", final.Headers["Subscription-State"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Refer-To: <sip:@nowhere>\n")]
    [InlineData("Refer-To: not a uri at all <\n")]
    public async Task A_REFER_without_a_usable_Refer_To_is_refused_with_400_and_asks_nothing_of_the_call_flow(string header)
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "xfer-4");
        var asked = 0;
        box.Arrived[0].TransferRequested += (_, _) => asked++;

        phone.Send(Refer(phone, box, "xfer-4", "r1", 2, ok.To.Tag!, header), box.Box);
        await phone.ResponseAsync(box.Tick, 400, "REFER");
        Assert.Equal(0, asked);
        Assert.Equal(ChannelState.Up, box.Arrived[0].State);
    }

    [Fact]
    public async Task A_REFER_for_no_dialog_gets_481()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        phone.Send(Refer(phone, box, "nobody", "r1", 2, "nosuchtag", $"Refer-To: <sip:1002@{box.Box}>\n"), box.Box);
        await phone.ResponseAsync(box.Tick, 481, "REFER");
    }

    [Fact]
    public async Task Hold_and_resume_by_reINVITE_are_reported_to_the_call_flow()
    {
        await using var box = new SipEndpointFixture();
        using var phone = new SipTestPeer();
        var ok = await SipChannelCallTests.AnsweredCallAsync(box, phone, "hold-1");
        var channel = box.Arrived[0];
        var seen = new List<bool>();
        channel.HoldChanged += leg => seen.Add(leg.HeldByFarEnd);

        phone.Send(SipScript.Invite(phone.SipEndPoint, box.Box, "hold-1", "h1", SipScript.Sdp(phone.RtpPort, "sendonly"), 2, ok.To.Tag), box.Box);
        await phone.ResponseAsync(box.Tick, 200, cseq: 2);
        Assert.True(channel.HeldByFarEnd);
        phone.Send(SipScript.Invite(phone.SipEndPoint, box.Box, "hold-1", "h2", SipScript.Sdp(phone.RtpPort, "inactive"), 3, ok.To.Tag), box.Box);
        await phone.ResponseAsync(box.Tick, 200, cseq: 3);
        phone.Send(SipScript.Invite(phone.SipEndPoint, box.Box, "hold-1", "h3", SipScript.Sdp(phone.RtpPort), 4, ok.To.Tag), box.Box);
        await phone.ResponseAsync(box.Tick, 200, cseq: 4);

        Assert.Equal([true, false], seen);
        Assert.False(channel.HeldByFarEnd);
    }

    [Fact]
    public async Task Dialing_all_of_an_agents_phones_rings_each_registered_contact()
    {
        await using var box = new SipEndpointFixture();
        using var desk = new SipTestPeer();
        using var soft = new SipTestPeer();
        box.Endpoint.Locate = user => user == "1001"
            ? [new SipContactTarget(SipUri.Parse($"sip:1001@{desk.SipEndPoint}"), desk.SipEndPoint, false),
               new SipContactTarget(SipUri.Parse($"sip:1001@{soft.SipEndPoint}"), soft.SipEndPoint, false)]
            : [];

        var legs = box.Endpoint.DialAll("1001");
        var first = await desk.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");
        var second = await soft.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");

        Assert.Equal(2, legs.Count);
        Assert.NotEqual(first.CallId, second.CallId);
        Assert.All(legs, leg => Assert.Equal(ChannelState.Ringing, leg.State));
        Assert.Throws<ArgumentException>(() => box.Endpoint.DialAll("1009"));
    }

    [Fact]
    public async Task When_media_ports_run_out_no_phone_of_the_agent_is_left_ringing()
    {
        // Room for one RTP/RTCP pair only: the second phone cannot be rung, so the first is cancelled again.
        await using var box = new SipEndpointFixture(rtpPortSpan: 1);
        using var desk = new SipTestPeer();
        using var soft = new SipTestPeer();
        box.Endpoint.Locate = _ =>
            [new SipContactTarget(SipUri.Parse($"sip:1001@{desk.SipEndPoint}"), desk.SipEndPoint, false),
             new SipContactTarget(SipUri.Parse($"sip:1001@{soft.SipEndPoint}"), soft.SipEndPoint, false)];

        Assert.Throws<InvalidOperationException>(() => box.Endpoint.DialAll("1001"));

        var invite = await desk.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");
        var cancel = await desk.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "CANCEL");
        Assert.Equal(invite.CallId, cancel.CallId);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    private static string Refer(SipTestPeer phone, SipEndpointFixture box, string callId, string branch, int cseq, string toTag, string referTo) =>
        SipScript.Request("REFER", phone.SipEndPoint, box.Box, callId, branch, cseq, toTag, referTo);
}
