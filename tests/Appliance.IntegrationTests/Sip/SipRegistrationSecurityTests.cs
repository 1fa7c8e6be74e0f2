using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;

namespace Appliance.IntegrationTests.Sip;

/// <summary>Registration against the running appliance over real UDP: wrong passwords fail, repeat failures ban, and replies never tell which extensions exist.</summary>
public sealed partial class SipRegistrationSecurityTests(SipSecurityApplianceFixture fixture) : IClassFixture<SipSecurityApplianceFixture>
{
    [Fact]
    public async Task Known_and_unknown_extensions_get_the_same_replies_wrong_passwords_fail_and_repeated_failures_ban_the_source()
    {
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        phone.ReceiveTimeout = 5_000;
        var box = new IPEndPoint(IPAddress.Loopback, fixture.SipPort);

        var knownChallenge = Exchange(phone, box, Register(phone, SipAgentApplianceFixture.Extension, 1));
        var unknownChallenge = Exchange(phone, box, Register(phone, "7777", 1));
        Assert.Equal(401, knownChallenge.StatusCode);
        Assert.Equal(Shape(knownChallenge), Shape(unknownChallenge));

        var knownWrong = Exchange(phone, box, Authorized(phone, knownChallenge, SipAgentApplianceFixture.Extension, "not-the-password", 2));
        var unknownWrong = Exchange(phone, box, Authorized(phone, unknownChallenge, "7777", "not-the-password", 2));
        Assert.Equal(401, knownWrong.StatusCode);
        Assert.Equal(Shape(knownWrong), Shape(unknownWrong));

        // That was 2 failures; the third bans 127.0.0.1, and then even the right password is refused.
        var third = Exchange(phone, box, Authorized(phone, knownWrong, SipAgentApplianceFixture.Extension, "still-wrong", 3));
        Assert.Equal(401, third.StatusCode);
        var challenge = Exchange(phone, box, Register(phone, SipAgentApplianceFixture.Extension, 4));
        Assert.Equal(403, challenge.StatusCode);
        Assert.True(await fixture.OutputHasAsync("banned for 600 s"), fixture.Appliance.Output);
    }

    private static SipResponse Exchange(Socket phone, IPEndPoint box, SipRequest request)
    {
        phone.SendTo(SipMessageWriter.ToBytes(request), box);
        var buffer = new byte[65_536];
        while (true)
        {
            var length = phone.Receive(buffer);
            if (new SipMessageParser().ParseDatagram(buffer.AsSpan(0, length)).Message is SipResponse { StatusCode: >= 200 } response
                && response.CSeq.Sequence == request.CSeq.Sequence && response.CallId == request.CallId)
            {
                return response;
            }
        }
    }

    private static SipRequest Authorized(Socket phone, SipResponse challenge, string user, string password, int cseq)
    {
        var retry = Register(phone, user, cseq);
        Assert.True(new DigestClient(user, password).TryAuthorize(challenge, retry));
        return retry;
    }

    private static SipRequest Register(Socket phone, string user, int cseq)
    {
        var local = (IPEndPoint)phone.LocalEndPoint!;
        var request = new SipRequest("REGISTER", SipUri.Parse("sip:127.0.0.1"));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@127.0.0.1>;tag=sec{user}");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@127.0.0.1>");
        request.Headers.Add(SipHeaderNames.CallId, "it-security-" + user);
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:{user}@{local}>");
        request.Headers.Add(SipHeaderNames.Expires, "600");
        return request;
    }

    /// <summary>Status and headers with the per-request random parts (nonce, tags, the user's own number) blanked.</summary>
    private static string Shape(SipResponse response) =>
        $"{response.StatusCode} {response.ReasonPhrase} | " + string.Join(" | ", response.Headers
            .Where(h => h.Name is not ("Call-ID" or "Via"))
            .Select(h => h.Name + ": " + RandomParts().Replace(h.Value, "x")));

    [GeneratedRegex("(nonce=\"[^\"]*\"|tag=[0-9a-z]+|sip:[0-9]+@)", RegexOptions.CultureInvariant)]
    private static partial Regex RandomParts();
}
