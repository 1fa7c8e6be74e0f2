using System.Net;
using Appliance.Sip.Messages;
using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>
/// An old FXO gateway or PBX speaking RFC 2543: no branch in its Via and no tag in its From. The box matches its
/// requests by the RFC 3261 §17.2.3 rules for such peers and answers them as it answers RFC 3261 requests.
/// </summary>
public sealed class SipRfc2543Tests
{
    private static readonly TimeSpan PastTimerL = TimeSpan.FromSeconds(33);

    [Fact]
    public async Task A_call_rings_once_despite_a_resent_INVITE_its_ACK_is_matched_and_a_branchless_BYE_ends_it()
    {
        await using var box = new SipEndpointFixture();
        using var gateway = new SipTestPeer();
        var invite = Invite(gateway, box.Box, "old-1", SipScript.Sdp(gateway.RtpPort));
        gateway.Send(invite, box.Box);
        await gateway.ResponseAsync(box.Tick, 100);
        await gateway.ResponseAsync(box.Tick, 180);

        gateway.Send(invite, box.Box);                              // retransmission: the transaction resends its 180
        var ringing = await gateway.ResponseAsync(box.Tick, 180);
        var channel = Assert.Single(box.Arrived);
        Assert.Null(ringing.From.Tag);
        Assert.Equal("+13035551111", channel.Caller.Number);

        channel.Answer();
        var ok = await gateway.ResponseAsync(box.Tick, 200);
        gateway.Send(Request("ACK", gateway, box.Box, "old-1", 1, ok.To.Tag), box.Box);
        await BarrierAsync(box, gateway);

        // A call whose ACK the box never matches is hung up when Timer L (64*T1) expires: this one stays up.
        box.Time.Advance(PastTimerL);
        box.Tick();
        box.Tick();
        Assert.Equal(ChannelState.Up, channel.State);

        gateway.Send(Request("BYE", gateway, box.Box, "old-1", 2, ok.To.Tag), box.Box);
        await gateway.ResponseAsync(box.Tick, 200, "BYE");
        Assert.Equal(HangupCause.Remote, await channel.Ended);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task Without_its_ACK_an_answered_RFC_2543_call_is_hung_up_when_Timer_L_expires()
    {
        await using var box = new SipEndpointFixture();
        using var gateway = new SipTestPeer();
        gateway.Send(Invite(gateway, box.Box, "old-2", SipScript.Sdp(gateway.RtpPort)), box.Box);
        await gateway.ResponseAsync(box.Tick, 180);
        box.Arrived[0].Answer();
        await gateway.ResponseAsync(box.Tick, 200);

        box.Time.Advance(PastTimerL);
        var bye = await gateway.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "BYE");
        Assert.Equal("old-2", bye.CallId);
        Assert.Null(bye.To.Tag);                                     // the gateway's From had no tag
    }

    [Fact]
    public async Task CANCEL_ends_the_ringing_call_it_names_and_not_another_from_the_same_gateway()
    {
        await using var box = new SipEndpointFixture();
        using var gateway = new SipTestPeer();
        gateway.Send(Invite(gateway, box.Box, "old-a", SipScript.Sdp(gateway.RtpPort)), box.Box);
        await gateway.ReceiveAsync<SipResponse>(box.Tick, r => r.StatusCode == 180 && r.CallId == "old-a");
        gateway.Send(Invite(gateway, box.Box, "old-b", SipScript.Sdp(gateway.RtpPort)), box.Box);
        await gateway.ReceiveAsync<SipResponse>(box.Tick, r => r.StatusCode == 180 && r.CallId == "old-b");

        gateway.Send(Request("CANCEL", gateway, box.Box, "old-a", 1, toTag: null), box.Box);

        // Both INVITEs have the same (absent) branch: the first one is cancelled, not the one that came last.
        var cancelled = await gateway.ResponseAsync(box.Tick, 200, "CANCEL");
        Assert.Equal("old-a", cancelled.CallId);
        Assert.Equal("old-a", (await gateway.ResponseAsync(box.Tick, 487)).CallId);
        Assert.Equal(HangupCause.Remote, await box.Arrived[0].Ended);
        Assert.Equal(ChannelState.Ringing, box.Arrived[1].State);
    }

    [Fact]
    public async Task OPTIONS_without_a_branch_gets_200_like_any_other()
    {
        await using var box = new SipEndpointFixture();
        using var gateway = new SipTestPeer();
        gateway.Send(Request("OPTIONS", gateway, box.Box, "old-ping", 1, toTag: null), box.Box);

        var ok = await gateway.ResponseAsync(box.Tick, 200, "OPTIONS");
        Assert.Contains("INVITE", ok.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.Equal($"SIP/2.0/UDP {gateway.SipEndPoint}", ok.Headers[SipHeaderNames.Via]);
    }

    /// <summary>
    /// Returns once the box has handled everything the gateway sent before: its datagrams are read in order, so the
    /// answer to an OPTIONS sent last means the earlier ones (here the ACK) went through the transaction layer.
    /// </summary>
    private static async Task BarrierAsync(SipEndpointFixture box, SipTestPeer gateway)
    {
        gateway.Send(Request("OPTIONS", gateway, box.Box, "barrier", 1, toTag: null), box.Box);
        await gateway.ResponseAsync(box.Tick, 200, "OPTIONS");
    }

    private static string Invite(SipTestPeer gateway, IPEndPoint box, string callId, string sdp) => Request(
        "INVITE", gateway, box, callId, 1, toTag: null, $"Contact: <sip:+13035551111@{gateway.SipEndPoint};user=phone>\nContent-Type: application/sdp\n", sdp);

    /// <summary>An RFC 2543 request: a Via with no branch, a From with no tag.</summary>
    private static string Request(string method, SipTestPeer gateway, IPEndPoint box, string callId, int cseq, string? toTag, string extraHeaders = "", string body = "") => $"""
        {method} sip:service@{box} SIP/2.0
        Via: SIP/2.0/UDP {gateway.SipEndPoint}
        From: <sip:+13035551111@{gateway.SipEndPoint.Address};user=phone>
        To: <sip:service@{box}>{(toTag is null ? string.Empty : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} {(method == "ACK" ? "ACK" : method)}
        {extraHeaders}Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body.Replace("\n", "\r\n", StringComparison.Ordinal))}

        {body}
        """.Replace("\r", string.Empty, StringComparison.Ordinal);
}
