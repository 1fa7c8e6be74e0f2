using System.Net;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Sip;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Tests.Sip;

public sealed class SipAccessGuardTests
{
    private static readonly IPEndPoint Scanner = new(IPAddress.Parse("198.51.100.7"), 5060);
    private readonly ManualTimeProvider _time = new();
    private readonly DigestChallenger _challenger;
    private readonly SipAccessGuard _guard;
    private int _cseq;

    public SipAccessGuardTests()
    {
        _challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions()), _time);
        var registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), _challenger, _time, FindHa1);
        var security = new SipSecurityOptions { MaxFailures = 3, FailureWindowSeconds = 60, BanSeconds = 300, UnauthenticatedPerSecond = 5 };
        _guard = new SipAccessGuard(registrar, _challenger, FindHa1, Options.Create(security), _time, NullLogger<SipAccessGuard>.Instance);
    }

    [Fact]
    public void Three_wrong_passwords_within_the_window_ban_the_source_for_the_ban_time_even_with_the_right_one()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, _guard.Register(Authorized("1001", "wrong"), Scanner, "UDP").StatusCode);
        }

        Assert.True(_guard.IsBanned(Scanner.Address));
        Assert.Equal(403, _guard.Register(Authorized("1001", "right-password"), Scanner, "UDP").StatusCode);
        Assert.Equal(403, _guard.Challenge(Request("OPTIONS", "1001"), Scanner)!.StatusCode);
        Assert.False(_guard.IsBanned(IPAddress.Parse("198.51.100.8")));

        _time.Advance(TimeSpan.FromSeconds(301));
        Assert.False(_guard.IsBanned(Scanner.Address));
        Assert.Equal(200, _guard.Register(Authorized("1001", "right-password"), Scanner, "UDP").StatusCode);
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_do_not_ban()
    {
        for (var i = 0; i < 6; i++)
        {
            _guard.Register(Authorized("1001", "wrong"), Scanner, "UDP");
            _time.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.False(_guard.IsBanned(Scanner.Address));
    }

    [Fact]
    public void Requests_without_credentials_beyond_the_rate_get_503_until_the_bucket_refills()
    {
        var answers = Enumerable.Range(0, 8).Select(_ => _guard.Challenge(Request("OPTIONS", "1001"), Scanner)!.StatusCode).ToList();

        Assert.Equal([401, 401, 401, 401, 401, 503, 503, 503], answers);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(401, _guard.Challenge(Request("OPTIONS", "1001"), Scanner)!.StatusCode);
    }

    [Fact]
    public void A_request_with_valid_credentials_passes_and_one_with_an_unknown_user_is_challenged_like_a_wrong_password()
    {
        Assert.Null(_guard.Challenge(Authorized("1001", "right-password", "OPTIONS"), Scanner));

        var unknown = _guard.Challenge(Authorized("9999", "right-password", "OPTIONS"), Scanner)!;
        var wrong = _guard.Challenge(Authorized("1001", "nope", "OPTIONS"), Scanner)!;
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(
            unknown.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(v => v[..v.IndexOf("nonce", StringComparison.Ordinal)]),
            wrong.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(v => v[..v.IndexOf("nonce", StringComparison.Ordinal)]));
    }

    private static string? FindHa1(string user, DigestAlgorithm algorithm) =>
        user == "1001" ? DigestCalculator.ComputeHa1(algorithm, user, "appliance", "right-password") : null;

    private SipRequest Authorized(string user, string password, string method = "REGISTER")
    {
        var challenge = _challenger.CreateChallengeResponse(Request(method, user), stale: false, "t");
        var retry = Request(method, user);
        Assert.True(new DigestClient(user, password).TryAuthorize(challenge, retry));
        return retry;
    }

    private SipRequest Request(string method, string user)
    {
        var request = new SipRequest(method, SipUri.Parse("sip:192.0.2.1"));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {Scanner};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@192.0.2.1>;tag=f{user}");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@192.0.2.1>");
        request.Headers.Add(SipHeaderNames.CallId, "guard-" + user);
        request.Headers.Add(SipHeaderNames.CSeq, $"{++_cseq} {method}");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:{user}@{Scanner}>");
        request.Headers.Add(SipHeaderNames.Expires, "600");
        return request;
    }
}
