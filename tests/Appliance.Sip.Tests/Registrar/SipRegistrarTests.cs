using System.Net;
using System.Text.RegularExpressions;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Registrar;
using Appliance.Testing;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Registrar;

public sealed partial class SipRegistrarTests
{
    private const string Realm = "appliance";
    private static readonly IPEndPoint Phone = new(IPAddress.Parse("192.0.2.20"), 5062);
    private readonly ManualTimeProvider _time = new();
    private readonly SipRegistrar _registrar;
    private readonly List<(string User, bool Registered)> _presence = [];
    private int _cseq;

    public SipRegistrarTests()
    {
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions { Realm = Realm }), _time);
        _registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), challenger, _time, FindHa1);
        _registrar.PresenceChanged += (user, registered) => _presence.Add((user, registered));
    }

    [Fact]
    public void A_REGISTER_without_credentials_is_challenged_for_SHA256_and_MD5_and_binds_nothing()
    {
        var response = _registrar.Handle(Register("1001", "sip:1001@192.0.2.20:5062"), Phone, "UDP", out var outcome);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(SipRegistrationOutcome.Challenged, outcome);
        var challenges = response.Headers.GetAll(SipHeaderNames.WwwAuthenticate).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Empty(_registrar.Lookup("1001"));
    }

    [Fact]
    public void Correct_credentials_bind_the_contact_with_its_source_and_expiry_until_it_lapses()
    {
        var ok = RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.5:5062", expires: 120);

        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("expires=120", Assert.Single(ok.Headers.GetAll(SipHeaderNames.Contact)), StringComparison.Ordinal);
        var binding = Assert.Single(_registrar.Lookup("1001"));
        Assert.Equal("10.0.0.5", binding.Contact.Host);
        Assert.Equal(Phone, binding.Source);
        Assert.Equal([("1001", true)], _presence);

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(_registrar.Lookup("1001"));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_registrar.Lookup("1001"));
        _registrar.Sweep();
        Assert.Equal([("1001", true), ("1001", false)], _presence);
    }

    [Fact]
    public void Several_contacts_are_kept_and_expires_zero_or_star_unregisters_them()
    {
        RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.5:5062", expires: 600);
        RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.6:5062", expires: 900);
        Assert.Equal(["10.0.0.6", "10.0.0.5"], _registrar.Lookup("1001").Select(b => b.Contact.Host));

        RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.5:5062", expires: 0);
        Assert.Equal("10.0.0.6", Assert.Single(_registrar.Lookup("1001")).Contact.Host);

        var all = RegisterWithPassword("1001", "s3cret-1001", "*", expires: 0);
        Assert.Equal(200, all.StatusCode);
        Assert.Empty(_registrar.Lookup("1001"));
        Assert.Equal([("1001", true), ("1001", false)], _presence);
    }

    [Fact]
    public void An_unknown_user_and_a_wrong_password_get_the_same_reply_and_count_as_rejections()
    {
        var unknown = RegisterWithPassword("7777", "guess", "sip:7777@10.0.0.9", expires: 600, out var unknownOutcome);
        var wrong = RegisterWithPassword("1001", "guess", "sip:1001@10.0.0.9", expires: 600, out var wrongOutcome);

        Assert.Equal(SipRegistrationOutcome.Rejected, unknownOutcome);
        Assert.Equal(SipRegistrationOutcome.Rejected, wrongOutcome);
        Assert.Equal(Shape(unknown), Shape(wrong));
        Assert.Empty(_registrar.Lookup("1001"));
        Assert.Empty(_presence);
    }

    [Fact]
    public void Too_short_an_expiry_gets_423_with_Min_Expires_and_a_long_one_is_shortened()
    {
        var brief = RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.5", expires: 10);
        Assert.Equal(423, brief.StatusCode);
        Assert.Equal("60", brief.Headers["Min-Expires"]);
        Assert.Empty(_registrar.Lookup("1001"));

        var capped = RegisterWithPassword("1001", "s3cret-1001", "sip:1001@10.0.0.5", expires: 999_999);
        Assert.Contains("expires=3600", capped.Headers[SipHeaderNames.Contact], StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_someone_elses_address_is_forbidden_and_a_malformed_Expires_is_a_parse_error()
    {
        var request = Register("1002", "sip:1002@10.0.0.5", expires: 600);
        var other = AuthorizedRetry(request, "1001", "s3cret-1001");
        Assert.Equal(403, _registrar.Handle(other, Phone, "UDP", out _).StatusCode);

        var malformed = Register("1001", "sip:1001@10.0.0.5");
        malformed.Headers.Set(SipHeaderNames.Expires, "soon");
        var retry = AuthorizedRetry(malformed, "1001", "s3cret-1001");
        Assert.Throws<SipParseException>(() => _registrar.Handle(retry, Phone, "UDP", out _));
        Assert.Empty(_registrar.Lookup("1001"));
    }

    private static string? FindHa1(string user, DigestAlgorithm algorithm) =>
        user == "1001" ? DigestCalculator.ComputeHa1(algorithm, user, Realm, "s3cret-1001") : null;

    private SipResponse RegisterWithPassword(string user, string password, string contact, int expires) =>
        RegisterWithPassword(user, password, contact, expires, out _);

    private SipResponse RegisterWithPassword(string user, string password, string contact, int expires, out SipRegistrationOutcome outcome)
    {
        var first = Register(user, contact, expires);
        var retry = AuthorizedRetry(first, user, password);
        return _registrar.Handle(retry, Phone, "UDP", out outcome);
    }

    private SipRequest AuthorizedRetry(SipRequest first, string user, string password)
    {
        var challenge = _registrar.Handle(first, Phone, "UDP", out _);
        Assert.Equal(401, challenge.StatusCode);
        var retry = Register(first.To.Uri.User!, first.Headers[SipHeaderNames.Contact]!.Trim('<', '>'), first.Headers[SipHeaderNames.Expires] is { } e && int.TryParse(e, out var n) ? n : null);
        if (first.Headers[SipHeaderNames.Expires] is { } raw && !int.TryParse(raw, out _))
        {
            retry.Headers.Set(SipHeaderNames.Expires, raw);
        }

        Assert.True(new DigestClient(user, password).TryAuthorize(challenge, retry));
        return retry;
    }

    private SipRequest Register(string user, string contact, int? expires = null)
    {
        var request = new SipRequest("REGISTER", SipUri.Parse("sip:192.0.2.1"));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {Phone};branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@192.0.2.1>;tag=reg{user}");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@192.0.2.1>");
        request.Headers.Add(SipHeaderNames.CallId, "reg-" + user);
        request.Headers.Add(SipHeaderNames.CSeq, $"{++_cseq} REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, contact == "*" ? "*" : $"<{contact}>");
        if (expires is { } seconds)
        {
            request.Headers.Add(SipHeaderNames.Expires, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }

    /// <summary>The reply with everything random (nonce, tag) blanked: what a scanner could compare.</summary>
    private static string Shape(SipResponse response) =>
        $"{response.StatusCode} {response.ReasonPhrase} | " + string.Join(" | ", response.Headers
            .Where(h => h.Name is not ("Call-ID" or "CSeq" or "From" or "Via"))
            .Select(h => h.Name + ": " + RandomParts().Replace(h.Value, "x")));

    [GeneratedRegex("(nonce=\"[^\"]*\"|tag=[0-9a-f]+|sip:[0-9]+@)", RegexOptions.CultureInvariant)]
    private static partial Regex RandomParts();
}
