using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Storage;
using static Appliance.IntegrationTests.Sip.SipFeatureCodeTests;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// Through the running appliance: a simulated caller talks to simulated agent 1001; the SIP phone of supervisor 2001
/// registers, dials *601001 (refused with the refusal tone while 1001 has no call yet), joins in listen, keys 5 (SIP INFO
/// dtmf-relay) to whisper, and hangs up; the call's event log holds SUPERVISE_START, SUPERVISE_MODE and SUPERVISE_END.
/// </summary>
public sealed class SipSupervisorFeatureCodeTests(SipSupervisorApplianceFixture fixture) : IClassFixture<SipSupervisorApplianceFixture>
{
    private const string Code = "*601001";
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Star_60_joins_the_agent_s_call_key_5_whispers_and_hanging_up_ends_the_supervision()
    {
        using var registered = RawSipPhone.Register(fixture.SipPort, "it-sup-reg");
        var (phone, box) = (registered.Socket, registered.Box);

        var call = ApplianceProcess.RunVerbAsync("sim", "call", "--data", fixture.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "20");
        var (callId, ok) = await JoinWhenTheAgentHasTheCallAsync(phone, box, registered.RtpPort, call);

        var info = InDialog(phone, box, "INFO", callId, ok, 3);
        info.Headers.Add(SipHeaderNames.ContentType, "application/dtmf-relay");
        info.Body = Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n");
        phone.SendTo(SipMessageWriter.ToBytes(info), box);
        Assert.Equal(200, Final(phone, info).StatusCode);
        Assert.True(await fixture.OutputHasAsync(": mode whisper on call"), fixture.Appliance.Output);

        var bye = InDialog(phone, box, "BYE", callId, ok, 4);
        phone.SendTo(SipMessageWriter.ToBytes(bye), box);
        Assert.Equal(200, Final(phone, bye).StatusCode);
        Assert.True(await fixture.OutputHasAsync("ended: supervisor-hung-up"), fixture.Appliance.Output);

        var (callExit, callOutput, callError) = await call;
        Assert.True(callExit == 0, callOutput + callError);
        using var database = fixture.OpenDatabase();
        var events = new EventLogRepository(database).ReadByCall(SimCallResultJson.Parse(callOutput).CallId)
            .Where(e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal)).ToList();
        Assert.Equal(["SUPERVISE_START", "SUPERVISE_MODE", "SUPERVISE_END"], events.Select(e => e.Kind));
        Assert.Contains("\"supervisor\":\"2001\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"listen\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"whisper\",\"previous\":\"listen\",\"by\":\"phone\"", events[1].Data, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"supervisor-hung-up\"", events[2].Data, StringComparison.Ordinal);
    }

    // Until agent 1001 answers the caller it has no call: each *601001 meanwhile is answered, refused and hung up by the box.
    private async Task<(string CallId, SipResponse Ok)> JoinWhenTheAgentHasTheCallAsync(Socket phone, IPEndPoint box, int rtpPort, Task call)
    {
        var deadline = DateTime.UtcNow + ConnectLimit;
        while (true)
        {
            var refusals = Count($"keyed {Code}: refused");
            var callId = "it-sup-" + Guid.NewGuid().ToString("N")[..8];
            var invite = Request(phone, "INVITE", $"sip:{Code}@127.0.0.1:{box.Port}", callId, 1);
            invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
            invite.Body = Encoding.ASCII.GetBytes($"v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
            var ok = Authenticated(phone, box, invite);
            Assert.Equal(200, ok.StatusCode);
            var ack = InDialog(phone, box, "ACK", callId, ok, ok.CSeq.Sequence);
            phone.SendTo(SipMessageWriter.ToBytes(ack), box);

            // The box logs the outcome before it answers, so one of the two lines is there already.
            if (await fixture.OutputHasAsync($"keyed {Code}: supervision sup-", seconds: 1))
            {
                return (callId, ok);
            }

            Assert.True(Count($"keyed {Code}: refused") > refusals, "neither joined nor refused:\n" + fixture.Appliance.Output);
            Assert.Contains("has no call to supervise", fixture.Appliance.Output.Split('\n').Last(l => l.Contains($"keyed {Code}: refused", StringComparison.Ordinal)), StringComparison.Ordinal);
            var bye = (SipRequest)Receive(phone, m => m is SipRequest { Method: "BYE" } r && r.CallId == callId);
            phone.SendTo(SipMessageWriter.ToBytes(SipResponse.CreateFor(bye, 200, "OK", null)), box);
            Assert.False(call.IsCompleted, "the simulated call ended before agent 1001 took it:\n" + fixture.Appliance.Output);
            Assert.True(DateTime.UtcNow < deadline, "agent 1001 never took the call:\n" + fixture.Appliance.Output);
        }
    }

    private static SipRequest InDialog(Socket phone, IPEndPoint box, string method, string callId, SipResponse ok, long cseq)
    {
        var request = Request(phone, method, $"sip:{Code}@127.0.0.1:{box.Port}", callId, cseq);
        request.Headers.Set(SipHeaderNames.To, ok.Headers[SipHeaderNames.To]!);
        return request;
    }

    private int Count(string text) => fixture.Appliance.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
