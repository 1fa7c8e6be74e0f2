using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>A phone registering over the network with digest, then rung by the box at the address it registered from.</summary>
public sealed class SipRegisteredPhoneTests
{
    [Fact]
    public async Task A_phone_that_registers_with_its_password_is_rung_and_one_that_is_not_registered_cannot_be()
    {
        await using var box = new SipEndpointFixture(trunkAddress: "192.0.2.1");
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions()), box.Time);
        string? Ha1(string user, DigestAlgorithm algorithm) => user == "1001" ? DigestCalculator.ComputeHa1(algorithm, user, "appliance", "pw-1001") : null;
        var registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), challenger, box.Time, Ha1);
        box.Endpoint.AccessControl = new SipAccessGuard(registrar, challenger, Ha1, Options.Create(new SipSecurityOptions()), box.Time, NullLogger<SipAccessGuard>.Instance);
        box.Endpoint.Locate = user => registrar.Lookup(user).Select(b => new SipContactTarget(b.Contact, b.Source, false)).ToList();
        using var phone = new SipTestPeer();
        Assert.Throws<ArgumentException>(() => box.Endpoint.Dial("1001"));

        var register = Register(phone, box, 1);
        phone.Send(register, box.Box);
        var challenge = await phone.ResponseAsync(box.Tick, 401, "REGISTER");
        var retry = Register(phone, box, 2);
        Assert.True(new DigestClient("1001", "pw-1001").TryAuthorize(challenge, retry));
        phone.Send(retry, box.Box);
        await phone.ResponseAsync(box.Tick, 200, "REGISTER");

        var leg = box.Endpoint.Dial("1001");
        var invite = await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "INVITE");
        Assert.Equal("1001", invite.RequestUri.User);
        Assert.Equal(ChannelState.Ringing, leg.State);
        leg.HangUp();
        await phone.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "CANCEL");
    }

    [Fact]
    public async Task An_INVITE_from_a_registered_phone_is_still_not_let_in_and_unauthenticated_OPTIONS_are_challenged()
    {
        await using var box = new SipEndpointFixture(trunkAddress: "192.0.2.1");
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions()), box.Time);
        var registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), challenger, box.Time, (_, _) => null);
        box.Endpoint.AccessControl = new SipAccessGuard(registrar, challenger, (_, _) => null, Options.Create(new SipSecurityOptions()), box.Time, NullLogger<SipAccessGuard>.Instance);
        using var stranger = new SipTestPeer();

        stranger.Send(SipScript.Invite(stranger.SipEndPoint, box.Box, "toll-1", "t1", SipScript.Sdp(stranger.RtpPort)), box.Box);
        await stranger.ResponseAsync(box.Tick, 401);
        stranger.Send(SipScript.Request("OPTIONS", stranger.SipEndPoint, box.Box, "scan-1", "t2", 1, null), box.Box);
        await stranger.ResponseAsync(box.Tick, 401, "OPTIONS");
        Assert.Empty(box.Arrived);
    }

    private static SipRequest Register(SipTestPeer phone, SipEndpointFixture box, int cseq)
    {
        var request = new SipRequest("REGISTER", SipUri.Parse($"sip:{box.Box}"));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {phone.SipEndPoint};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:1001@{box.Box.Address}>;tag=ph1");
        request.Headers.Add(SipHeaderNames.To, $"<sip:1001@{box.Box.Address}>");
        request.Headers.Add(SipHeaderNames.CallId, "reg-phone-1");
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:1001@{phone.SipEndPoint}>");
        request.Headers.Add(SipHeaderNames.Expires, "600");
        return request;
    }
}
