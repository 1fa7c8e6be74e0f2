using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// An agent's phone (a UDP socket on 127.0.0.1 speaking SIP with digest) registers and keys *531, then *52, then *539
/// on the running appliance: each call is answered and hung up by the box, and the agent's state, as `appliance agent
/// list` shows it, follows; the unknown reason changes nothing. (SIPp cannot play this phone: its digest names the
/// box's address as the uri rather than the dialled Request-URI, which the box rightly refuses.)
/// </summary>
public sealed class SipFeatureCodeTests(SipFeatureCodeApplianceFixture fixture) : IClassFixture<SipFeatureCodeApplianceFixture>
{
    private const string Extension = SipAgentApplianceFixture.Extension;

    [Fact]
    public async Task Star_531_pauses_the_registered_agent_with_reason_break_star_52_readies_them_and_star_539_changes_nothing()
    {
        using var registered = RawSipPhone.Register(fixture.SipPort, "it-fc-reg");
        var (phone, box, rtpPort) = (registered.Socket, registered.Box, registered.RtpPort);
        Call(phone, box, "*531", rtpPort);
        Assert.Matches($@"(?m)^{Extension}\s+notready\s+1 break\s", await AgentListAsync());

        Call(phone, box, "*52", rtpPort);
        Assert.Matches($@"(?m)^{Extension}\s+available\s+-\s", await AgentListAsync());

        Call(phone, box, "*539", rtpPort);
        Assert.Matches($@"(?m)^{Extension}\s+available\s+-\s", await AgentListAsync());
        Assert.True(await fixture.OutputHasAsync("keyed *531 on their phone: Pause 1 -> Done"), fixture.Appliance.Output);
        Assert.True(await fixture.OutputHasAsync("keyed *539 on their phone: Pause 9 -> UnknownReason"), fixture.Appliance.Output);
    }

    [Fact]
    public async Task Star_60_from_an_agent_who_is_no_supervisor_is_answered_with_the_refusal_and_logged()
    {
        using var phone = RawSipPhone.Register(fixture.SipPort, "it-fc-sup-reg");

        // Answered, the refusal tone played, hung up by the box: the same shape as any feature code's call.
        Call(phone.Socket, phone.Box, "*601001", phone.RtpPort);

        Assert.True(await fixture.OutputHasAsync($"Phone {Extension} keyed *601001: refused: agent '{Extension}' is not a supervisor"), fixture.Appliance.Output);
        Assert.DoesNotContain("SUPERVISE_START", fixture.Appliance.Output, StringComparison.Ordinal);
    }

    /// <summary>INVITE sip:CODE@box with digest; the box answers (200), the phone ACKs, and the box hangs up (BYE, answered 200).</summary>
    private static void Call(Socket phone, IPEndPoint box, string code, int rtpPort)
    {
        var callId = "it-fc-" + Guid.NewGuid().ToString("N")[..8];
        var invite = Request(phone, "INVITE", $"sip:{code}@127.0.0.1:{box.Port}", callId, 1);
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.ASCII.GetBytes($"v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
        var ok = Authenticated(phone, box, invite);
        Assert.Equal(200, ok.StatusCode);

        var ack = Request(phone, "ACK", $"sip:{code}@127.0.0.1:{box.Port}", callId, ok.CSeq.Sequence);
        ack.Headers.Set(SipHeaderNames.To, ok.Headers[SipHeaderNames.To]!);
        phone.SendTo(SipMessageWriter.ToBytes(ack), box);
        var bye = Receive(phone, m => m is SipRequest { Method: "BYE" } r && r.CallId == callId) as SipRequest;
        var byeOk = SipResponse.CreateFor(bye!, 200, "OK", null);
        phone.SendTo(SipMessageWriter.ToBytes(byeOk), box);
    }

    private async Task<string> AgentListAsync()
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("agent", "list", "--data", fixture.DataDirectory);
        Assert.True(exitCode == 0, stderr);
        return stdout;
    }

    /// <summary>Sends the request, answers the 401 with digest (a retry with the next CSeq), returns the final response.</summary>
    internal static SipResponse Authenticated(Socket phone, IPEndPoint box, SipRequest request)
    {
        phone.SendTo(SipMessageWriter.ToBytes(request), box);
        var challenge = Final(phone, request);
        Assert.Equal(401, challenge.StatusCode);
        if (request.Method == "INVITE")
        {
            var ack = Request(phone, "ACK", request.RequestUri.ToString(), request.CallId!, request.CSeq.Sequence);
            ack.Headers.Set(SipHeaderNames.Via, request.Headers[SipHeaderNames.Via]!);
            ack.Headers.Set(SipHeaderNames.To, challenge.Headers[SipHeaderNames.To]!);
            phone.SendTo(SipMessageWriter.ToBytes(ack), box);
        }

        var retry = Request(phone, request.Method, request.RequestUri.ToString(), request.CallId!, request.CSeq.Sequence + 1);
        foreach (var name in (ReadOnlySpan<string>)[SipHeaderNames.Expires, SipHeaderNames.ContentType])
        {
            if (request.Headers[name] is { } value)
            {
                retry.Headers.Add(name, value);
            }
        }

        retry.Body = request.Body;
        Assert.True(new DigestClient(Extension, SipAgentApplianceFixture.Password).TryAuthorize(challenge, retry));
        phone.SendTo(SipMessageWriter.ToBytes(retry), box);
        return Final(phone, retry);
    }

    internal static SipResponse Final(Socket phone, SipRequest request) =>
        (SipResponse)Receive(phone, m => m is SipResponse { StatusCode: >= 200 } r && r.CallId == request.CallId && r.CSeq.Sequence == request.CSeq.Sequence);

    internal static SipMessage Receive(Socket phone, Func<SipMessage, bool> match)
    {
        var buffer = new byte[65_536];
        while (true)
        {
            var length = phone.Receive(buffer);
            if (new SipMessageParser().ParseDatagram(buffer.AsSpan(0, length)).Message is { } message && match(message))
            {
                return message;
            }
        }
    }

    internal static SipRequest Request(Socket phone, string method, string uri, string callId, long cseq)
    {
        var local = (IPEndPoint)phone.LocalEndPoint!;
        var request = new SipRequest(method, SipUri.Parse(uri));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{Extension}@127.0.0.1>;tag=fc{callId}");
        request.Headers.Add(SipHeaderNames.To, method == "REGISTER" ? $"<sip:{Extension}@127.0.0.1>" : $"<{uri}>");
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} {(method == "ACK" ? "INVITE" : method)}");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:{Extension}@{local}>");
        return request;
    }
}
