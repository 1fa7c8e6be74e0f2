using System.Net;
using System.Text;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>
/// An agent's phone calling the box (feature codes) over 127.0.0.1: the INVITE is challenged, and once its digest is
/// right the <see cref="IAgentDialPlan"/> decides, knowing who the phone proved to be and what it dialled.
/// </summary>
public sealed class SipAgentPhoneCallTests
{
    [Fact]
    public async Task An_authenticated_phone_dialling_a_code_reaches_the_dial_plan_which_answers_and_hangs_up()
    {
        await using var box = Box(out var plan);
        using var phone = new SipTestPeer();
        plan.Decide = (_, _) => AgentDialDecision.Answer(plan.Taken.Add);

        var ok = await AuthenticatedInviteAsync(box, phone, "*531", "fc-1", 180);

        Assert.Equal([("1002", "*531")], plan.Asked);
        var channel = Assert.Single(plan.Taken);
        Assert.Empty(box.Arrived); // not a caller for the menu
        Assert.Equal(ChannelState.Ringing, channel.State);
        channel.Answer();
        var answered = await phone.ResponseAsync(box.Tick, 200, cseq: 2);
        Assert.Equal(ok.To.Tag, answered.To.Tag);
        phone.Send(Request("ACK", phone, box, "*531", "fc-1", 2, answered.To.Tag), box.Box);
        channel.HangUp();
        var bye = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "BYE");
        Assert.Equal("fc-1", bye.CallId);
    }

    [Fact]
    public async Task A_refusing_dial_plan_sends_its_status_and_nothing_is_answered()
    {
        await using var box = Box(out var plan);
        using var phone = new SipTestPeer();
        plan.Decide = (_, _) => AgentDialDecision.Refuse(403, "Forbidden");

        await AuthenticatedInviteAsync(box, phone, "013800138000", "fc-2", 403);

        Assert.Equal([("1002", "013800138000")], plan.Asked);
        Assert.Empty(plan.Taken);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task An_escaped_star_in_the_dialled_code_reaches_the_dial_plan_unescaped()
    {
        await using var box = Box(out var plan);
        using var phone = new SipTestPeer();

        await AuthenticatedInviteAsync(box, phone, "%2A52", "fc-4", 403);

        Assert.Equal([("1002", "*52")], plan.Asked);
    }

    [Fact]
    public async Task A_phone_with_the_wrong_password_never_reaches_the_dial_plan()
    {
        await using var box = Box(out var plan);
        using var phone = new SipTestPeer();
        plan.Decide = (_, _) => throw new InvalidOperationException("must not be asked");
        phone.Send(Invite(phone, box, "*50", "fc-3", 1), box.Box);
        var challenge = await phone.ResponseAsync(box.Tick, 401);
        var retry = Invite(phone, box, "*50", "fc-3", 2);
        Assert.True(new DigestClient("1002", "not-the-password").TryAuthorize(challenge, retry));

        phone.Send(retry, box.Box);

        await phone.ResponseAsync(box.Tick, 401, cseq: 2);
        Assert.Empty(plan.Asked);
    }

    private static SipEndpointFixture Box(out FakeDialPlan plan)
    {
        var box = new SipEndpointFixture(trunkAddress: "192.0.2.1");
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions()), box.Time);
        string? Ha1(string user, DigestAlgorithm algorithm) => user == "1002" ? DigestCalculator.ComputeHa1(algorithm, user, "appliance", "pw-1002") : null;
        var registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), challenger, box.Time, Ha1);
        box.Endpoint.AccessControl = new SipAccessGuard(registrar, challenger, Ha1, Options.Create(new SipSecurityOptions()), box.Time, NullLogger<SipAccessGuard>.Instance);
        plan = new FakeDialPlan();
        box.Endpoint.AgentDialPlan = plan;
        return box;
    }

    private static async Task<SipResponse> AuthenticatedInviteAsync(SipEndpointFixture box, SipTestPeer phone, string dialled, string callId, int expected)
    {
        phone.Send(Invite(phone, box, dialled, callId, 1), box.Box);
        var challenge = await phone.ResponseAsync(box.Tick, 401);
        phone.Send(Request("ACK", phone, box, dialled, callId, 1, challenge.To.Tag, challenge.Headers[SipHeaderNames.Via]), box.Box);
        var retry = Invite(phone, box, dialled, callId, 2);
        Assert.True(new DigestClient("1002", "pw-1002").TryAuthorize(challenge, retry));
        phone.Send(retry, box.Box);
        return await phone.ResponseAsync(box.Tick, expected, cseq: 2);
    }

    private static SipRequest Invite(SipTestPeer phone, SipEndpointFixture box, string dialled, string callId, int cseq)
    {
        var invite = Request("INVITE", phone, box, dialled, callId, cseq, null);
        invite.Headers.Add(SipHeaderNames.Contact, $"<sip:1002@{phone.SipEndPoint}>");
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.UTF8.GetBytes(SipScript.Sdp(phone.RtpPort).Replace("\n", "\r\n", StringComparison.Ordinal));
        return invite;
    }

    private static SipRequest Request(string method, SipTestPeer phone, SipEndpointFixture box, string dialled, string callId, int cseq, string? toTag, string? via = null)
    {
        var request = new SipRequest(method, SipUri.Parse($"sip:{dialled}@{box.Box}"));
        request.Headers.Add(SipHeaderNames.Via, via ?? $"SIP/2.0/UDP {phone.SipEndPoint};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:1002@{box.Box.Address}>;tag=ph2");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{dialled}@{box.Box.Address}>" + (toTag is null ? "" : ";tag=" + toTag));
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} {(method == "ACK" ? "INVITE" : method)}");
        return request;
    }

    private sealed class FakeDialPlan : IAgentDialPlan
    {
        public Func<string, string, AgentDialDecision> Decide { get; set; } = (_, _) => AgentDialDecision.Refuse(403, "Forbidden");

        public List<(string, string)> Asked { get; } = [];

        public List<IChannel> Taken { get; } = [];

        public AgentDialDecision Route(string phoneUser, string dialled)
        {
            Asked.Add((phoneUser, dialled));
            return Decide(phoneUser, dialled);
        }
    }
}
