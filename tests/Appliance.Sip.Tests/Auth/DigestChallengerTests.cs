using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Testing;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Auth;

public sealed class DigestChallengerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly DigestChallenger _challenger;
    private readonly Dictionary<string, string> _users = new() { ["8001"] = "s3cret-8001" };

    public DigestChallengerTests()
    {
        _challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions { Realm = "branch.example" }), _time);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Client_answers_a_challenge_and_the_server_accepts_it(bool offerSha256)
    {
        var options = new DigestChallengerOptions { Realm = "branch.example" };
        if (!offerSha256)
        {
            options.Algorithms.Remove(DigestAlgorithm.Sha256);
        }

        var challenger = new DigestChallenger(Options.Create(options), _time);
        var retry = Authorize(challenger, "8001", "s3cret-8001");

        Assert.Contains(offerSha256 ? "algorithm=SHA-256" : "algorithm=MD5", retry.Headers["Authorization"], StringComparison.Ordinal);
        var verification = challenger.Verify(retry, Find);
        Assert.Equal(DigestVerdict.Authenticated, verification.Verdict);
        Assert.Equal("8001", verification.Username);
    }

    [Fact]
    public void Request_without_credentials_is_missing_and_challenges_carry_both_algorithms_strongest_first()
    {
        var request = TestRequests.Create("REGISTER");
        Assert.Equal(DigestVerdict.Missing, _challenger.Verify(request, Find).Verdict);

        var challenge = _challenger.CreateChallengeResponse(request, stale: false, toTag: "t1");
        Assert.Equal(401, challenge.StatusCode);
        var offers = challenge.Headers.GetAll("WWW-Authenticate").ToList();
        Assert.Equal(2, offers.Count);
        Assert.Contains("algorithm=SHA-256", offers[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", offers[1], StringComparison.Ordinal);
        Assert.All(offers, o => Assert.Contains("qop=\"auth\"", o, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_password_and_unknown_user_get_the_same_verdict_and_the_same_challenge_shape()
    {
        var wrongPassword = _challenger.Verify(Authorize(_challenger, "8001", "guess"), Find);
        var unknownUser = _challenger.Verify(Authorize(_challenger, "9999", "guess"), Find);

        Assert.Equal(DigestVerdict.Rejected, wrongPassword.Verdict);
        Assert.Equal(DigestVerdict.Rejected, unknownUser.Verdict);

        var forKnown = _challenger.CreateChallengeResponse(TestRequests.Create("REGISTER"), stale: false, toTag: "x");
        var forUnknown = _challenger.CreateChallengeResponse(TestRequests.Create("REGISTER"), stale: false, toTag: "x");
        Assert.Equal(Shape(forKnown), Shape(forUnknown));
    }

    [Fact]
    public void Expired_nonce_with_right_password_is_stale_and_rechallenged_with_stale_true()
    {
        var retry = Authorize(_challenger, "8001", "s3cret-8001");
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DigestVerdict.Stale, _challenger.Verify(retry, Find).Verdict);
        var again = _challenger.CreateChallengeResponse(retry, stale: true, toTag: "t");
        Assert.All(again.Headers.GetAll("WWW-Authenticate"), o => Assert.Contains("stale=true", o, StringComparison.Ordinal));

        // An expired nonce does not turn a wrong password into "stale": that would let a guesser tell them apart.
        var wrong = Authorize(_challenger, "8001", "guess");
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(DigestVerdict.Rejected, _challenger.Verify(wrong, Find).Verdict);
    }

    [Fact]
    public void Nonce_from_another_server_instance_is_rejected()
    {
        var other = new DigestChallenger(Options.Create(new DigestChallengerOptions { Realm = "branch.example" }), _time);
        var retry = Authorize(other, "8001", "s3cret-8001");

        Assert.Equal(DigestVerdict.Authenticated, other.Verify(retry, Find).Verdict);
        Assert.Equal(DigestVerdict.Rejected, _challenger.Verify(retry, Find).Verdict);
    }

    [Fact]
    public void Credentials_computed_for_another_request_uri_are_rejected()
    {
        var retry = Authorize(_challenger, "8001", "s3cret-8001");
        retry.RequestUri = SipUri.Parse("sip:9000@127.0.0.1");

        Assert.Equal(DigestVerdict.Rejected, _challenger.Verify(retry, Find).Verdict);
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest username=\"8001\", realm=\"branch.example\"")]
    [InlineData("Digest username=\"8001\", realm=\"branch.example\", nonce=\"AAAA\", uri=\"sip:x\", response=\"zz\", qop=auth, nc=1, cnonce=\"a\"")]
    [InlineData("Digest username=\"8001, realm=\"branch.example\"")]
    [InlineData("Digest realm=\"branch.example\", realm=\"branch.example\"")]
    [InlineData("Digest username=\"8001\", realm=\"branch.example\", nonce=\"\\")]
    public void Malformed_credentials_are_refused_without_throwing(string header)
    {
        var request = TestRequests.Create("REGISTER");
        request.Headers.Add("Authorization", header);

        Assert.NotEqual(DigestVerdict.Authenticated, _challenger.Verify(request, Find).Verdict);
    }

    [Fact]
    public void Client_refuses_a_response_without_a_usable_challenge()
    {
        var client = new DigestClient("8001", "pw");
        var response = SipResponse.CreateFor(TestRequests.Create("REGISTER"), 401, "Unauthorized", "t");
        response.Headers.Add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, qop=\"auth\"");

        Assert.False(client.TryAuthorize(response, TestRequests.Create("REGISTER", cseq: 2)));
        Assert.False(client.TryAuthorize(SipResponse.CreateFor(TestRequests.Create("REGISTER"), 403, "Forbidden"), TestRequests.Create("REGISTER", cseq: 2)));
    }

    private static SipRequest Authorize(DigestChallenger challenger, string user, string password)
    {
        var first = TestRequests.Create("REGISTER");
        var challenge = challenger.CreateChallengeResponse(first, stale: false, toTag: "t1");
        var retry = TestRequests.Create("REGISTER", branch: "z9hG4bKretry", cseq: 2);
        Assert.True(new DigestClient(user, password).TryAuthorize(challenge, retry));
        return retry;
    }

    private static string Shape(SipResponse response) =>
        $"{response.StatusCode} {response.ReasonPhrase} " + string.Join(
            " | ",
            response.Headers.Select(h => h.Name + ":" + System.Text.RegularExpressions.Regex.Replace(h.Value, "nonce=\"[^\"]*\"", "nonce=*")));

    private string? Find(string user) => _users.GetValueOrDefault(user);
}
