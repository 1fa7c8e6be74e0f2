using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Registrar;

/// <summary>The outbound registration client against our own registrar over real UDP on 127.0.0.1, with a manual clock.</summary>
public sealed class SipRegistrationClientTests : IAsyncLifetime
{
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(32);
    private RegistrationTestBed _bed = null!;

    public Task InitializeAsync()
    {
        _bed = new RegistrationTestBed(new SipRegistrarOptions { MinExpiresSeconds = 60 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Registers_after_one_digest_challenge_with_a_well_formed_REGISTER()
    {
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");

        var sent = _bed.Registers;
        Assert.Equal(2, sent.Count);
        Assert.False(sent[0].Headers.Contains(SipHeaderNames.Authorization));
        Assert.Contains($"username=\"{RegistrationTestBed.User}\"", sent[1].Headers[SipHeaderNames.Authorization], StringComparison.Ordinal);
        foreach (var request in sent)
        {
            Assert.Equal(client.CallId, request.CallId);
            Assert.Equal(client.AddressOfRecord, request.From.Uri.ToString());
            Assert.Equal(client.AddressOfRecord, request.To.Uri.ToString());
            Assert.Null(request.To.Tag);
            Assert.Equal("600", Assert.Single(request.Contacts).Parameters["expires"]);
            Assert.Equal("600", request.Headers[SipHeaderNames.Expires]);
            Assert.Null(request.RequestUri.User);
        }

        Assert.Equal(sent[0].From.Tag, sent[1].From.Tag);
        Assert.True(sent[1].CSeq.Sequence > sent[0].CSeq.Sequence);
        Assert.NotEqual(sent[0].TopVia.Branch, sent[1].TopVia.Branch);

        var now = _bed.Time.GetUtcNow();
        var binding = Assert.Single(_bed.Registrar.Lookup(RegistrationTestBed.User));
        Assert.Equal(client.Contact, binding.Contact.ToString());
        Assert.Equal(now.AddSeconds(600), client.ExpiresAt);
        Assert.Equal(now.AddSeconds(300), client.NextAttemptAt);
        Assert.Null(client.LastError);
        Assert.Equal([SipRegistrationState.Registering, SipRegistrationState.Registered], _bed.States);
    }

    [Fact]
    public async Task Refreshes_at_half_the_granted_time_so_the_binding_never_lapses_even_when_the_nonce_goes_stale()
    {
        var client = _bed.Client(a => a.ExpiresSeconds = 120);
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");

        for (var refresh = 1; refresh <= 8; refresh++)
        {
            var before = client.ExpiresAt!.Value;
            var due = client.NextAttemptAt!.Value;
            Assert.Equal(before.AddSeconds(-60), due);
            while (_bed.Time.GetUtcNow() < due)
            {
                _bed.Time.Advance(TimeSpan.FromSeconds(5));
                Assert.NotEmpty(_bed.Registrar.Lookup(RegistrationTestBed.User));
            }

            await _bed.UntilAsync(() => client.ExpiresAt > before, $"refresh {refresh}");
            Assert.Equal(SipRegistrationState.Registered, client.State);
            Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(120), client.ExpiresAt);
        }

        // Refreshes reuse the cached challenge; only the one after the 5-minute nonce lifetime needs a second request.
        var sent = _bed.Registers;
        Assert.Equal(2 + 8 + 1, sent.Count);
        Assert.All(sent.Skip(1), r => Assert.True(r.Headers.Contains(SipHeaderNames.Authorization)));
        Assert.Equal(sent.Count, sent.Select(r => r.TopVia.Branch).Distinct().Count());
        Assert.True(sent.Zip(sent.Skip(1)).All(p => p.Second.CSeq.Sequence > p.First.CSeq.Sequence));
        Assert.Single(sent.Select(r => r.CallId).Distinct());
        Assert.Equal([SipRegistrationState.Registering, SipRegistrationState.Registered], _bed.States);
    }

    [Fact]
    public async Task A_wrong_password_fails_and_backs_off_exponentially_instead_of_storming_the_registrar()
    {
        var client = _bed.Client(a => a.Password = "wrong");
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Failed, "the first refusal");
        Assert.Equal(2, _bed.Registers.Count);
        Assert.Contains("refused the credentials", client.LastError, StringComparison.Ordinal);

        var rounds = 1;
        var delays = new List<double>();
        var end = _bed.Time.GetUtcNow().AddHours(2);
        while (client.NextAttemptAt is { } next && next <= end)
        {
            delays.Add((next - _bed.Time.GetUtcNow()).TotalSeconds);
            _bed.AdvanceTo(next);
            Assert.Equal(SipRegistrationState.Registering, client.State);
            await _bed.UntilAsync(() => client.State == SipRegistrationState.Failed, $"refusal {rounds + 1}");
            rounds++;
        }

        // 60 s doubling to the 20-minute cap, each 80-100 % of nominal: ten or eleven rounds in two hours, two requests each.
        for (var i = 0; i < delays.Count; i++)
        {
            var nominal = Math.Min(60 * Math.Pow(2, i), 1200);
            Assert.InRange(delays[i], nominal * 0.8, nominal);
        }

        Assert.InRange(rounds, 10, 11);
        Assert.Equal(2 * rounds, _bed.Registers.Count);
        Assert.Empty(_bed.Registrar.Lookup(RegistrationTestBed.User));

        // Stopping with nothing registered sends nothing.
        await client.StopAsync();
        Assert.Equal(SipRegistrationState.Unregistered, client.State);
        Assert.Equal(2 * rounds, _bed.Registers.Count);
    }

    [Fact]
    public async Task Interval_too_brief_is_answered_with_the_registrars_Min_Expires()
    {
        await using var bed = new RegistrationTestBed(new SipRegistrarOptions { MinExpiresSeconds = 300, DefaultExpiresSeconds = 600 });
        var client = bed.Client(a => a.ExpiresSeconds = 30);
        client.Start();
        await bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");

        var sent = bed.Registers;
        Assert.Equal(["30", "30", "300"], sent.Select(r => r.Headers[SipHeaderNames.Expires]));
        Assert.Equal("300", sent[2].Contacts[0].Parameters["expires"]);
        Assert.Equal(300, client.RequestedExpiresSeconds);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(300), client.ExpiresAt);
        Assert.Single(bed.Registrar.Lookup(RegistrationTestBed.User));
    }

    [Fact]
    public async Task When_the_registrar_is_gone_retries_come_at_growing_capped_intervals_until_it_answers_again()
    {
        _bed.Silent = true;
        var client = _bed.Client(a => a.MaxRetryDelay = TimeSpan.FromSeconds(60));
        client.Start();
        Assert.Equal(SipRegistrationState.Registering, client.State);

        var delays = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            _bed.Time.Advance(TransactionTimeout);
            Assert.Equal(SipRegistrationState.Failed, client.State);
            Assert.Contains("no response from the registrar", client.LastError, StringComparison.Ordinal);
            delays.Add((client.NextAttemptAt!.Value - _bed.Time.GetUtcNow()).TotalSeconds);
            _bed.Silent = round < 5;
            _bed.AdvanceTo(client.NextAttemptAt!.Value);
        }

        Assert.InRange(delays[0], 8, 10);
        Assert.InRange(delays[1], 16, 20);
        Assert.InRange(delays[2], 32, 40);
        Assert.All(delays.Skip(3), d => Assert.InRange(d, 48, 60));
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2]);

        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration once the registrar is back");
        Assert.Null(client.LastError);
        Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(300), client.NextAttemptAt);
        Assert.Equal(6 + 2, _bed.Registers.Count);
    }

    [Fact]
    public async Task StopAsync_unregisters_with_expires_zero_and_the_registrar_drops_the_binding()
    {
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");
        Assert.Single(_bed.Registrar.Lookup(RegistrationTestBed.User));

        await client.StopAsync();

        var last = _bed.Registers[^1];
        Assert.Equal("0", last.Headers[SipHeaderNames.Expires]);
        Assert.Equal("0", Assert.Single(last.Contacts).Parameters["expires"]);
        Assert.True(last.Headers.Contains(SipHeaderNames.Authorization));
        Assert.Empty(_bed.Registrar.Lookup(RegistrationTestBed.User));
        Assert.Equal(SipRegistrationState.Unregistered, client.State);
        Assert.Null(client.ExpiresAt);
        Assert.Null(client.NextAttemptAt);
        Assert.Equal([SipRegistrationState.Registering, SipRegistrationState.Registered, SipRegistrationState.Unregistered], _bed.States);

        var count = _bed.Registers.Count;
        _bed.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(SipRegistrationState.Unregistered, client.State);
        Assert.Equal(count, _bed.Registers.Count);
    }

    [Fact]
    public async Task A_refresh_that_times_out_keeps_Registered_until_the_binding_really_lapses()
    {
        var client = _bed.Client(a => a.ExpiresSeconds = 120);
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");
        var expiresAt = client.ExpiresAt!.Value;
        _bed.Silent = true;

        _bed.AdvanceTo(client.NextAttemptAt!.Value);
        _bed.Time.Advance(TransactionTimeout);
        Assert.Equal(SipRegistrationState.Registered, client.State);
        Assert.Equal(expiresAt, client.ExpiresAt);
        Assert.Contains("no response", client.LastError, StringComparison.Ordinal);
        Assert.True(client.NextAttemptAt < expiresAt);

        _bed.AdvanceTo(expiresAt);
        Assert.Equal(SipRegistrationState.Registering, client.State);
        Assert.Null(client.ExpiresAt);
        Assert.True(_bed.Time.AdvanceUntil(() => client.State == SipRegistrationState.Failed, TransactionTimeout, TimeSpan.FromSeconds(1)));

        _bed.Silent = false;
        _bed.AdvanceTo(client.NextAttemptAt!.Value);
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration once the registrar is back");
        Assert.Equal(
            [SipRegistrationState.Registering, SipRegistrationState.Registered, SipRegistrationState.Registering, SipRegistrationState.Failed, SipRegistrationState.Registering, SipRegistrationState.Registered],
            _bed.States);
    }

    [Fact]
    public async Task A_proxy_challenge_and_a_registrar_challenge_are_both_answered_and_both_kept_for_refreshes()
    {
        var proxy = new DigestChallenger(Options.Create(new DigestChallengerOptions { Realm = "proxy.test" }), _bed.Time);
        _bed.Override = request => proxy.Verify(request, user => user == RegistrationTestBed.User ? RegistrationTestBed.Password : null, proxy: true).IsAuthenticated
            ? null
            : proxy.CreateChallengeResponse(request, stale: false, "p", proxy: true);
        var client = _bed.Client(a => a.ExpiresSeconds = 120);
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration through the proxy");
        var before = client.ExpiresAt;
        _bed.AdvanceTo(client.NextAttemptAt!.Value);
        await _bed.UntilAsync(() => client.ExpiresAt > before, "the refresh");

        var sent = _bed.Registers;
        Assert.Equal(4, sent.Count);
        Assert.Equal([false, true, true, true], sent.Select(r => r.Headers.Contains(SipHeaderNames.ProxyAuthorization)));
        Assert.Equal([false, false, true, true], sent.Select(r => r.Headers.Contains(SipHeaderNames.Authorization)));
    }

    [Fact]
    public async Task A_registrar_named_by_host_name_is_looked_up_and_a_stopped_client_can_start_again()
    {
        var client = _bed.Client(a => a.Registrar = $"sip:localhost:{_bed.ProviderTransport.LocalEndPoint.Port}");
        client.Start();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");
        Assert.Equal($"sip:{RegistrationTestBed.User}@localhost", client.AddressOfRecord);

        await client.StopAsync();
        Assert.Empty(_bed.Registrar.Lookup(RegistrationTestBed.User));
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration after a restart");
        Assert.Single(_bed.Registrar.Lookup(RegistrationTestBed.User));
        Assert.Equal(2 + 1 + 1, _bed.Registers.Count);
    }

    [Fact]
    public async Task StopAsync_gives_up_after_one_transaction_timeout_when_the_registrar_has_gone()
    {
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");
        _bed.Silent = true;

        var stopping = client.StopAsync();
        Assert.False(stopping.IsCompleted);
        _bed.Time.Advance(TransactionTimeout);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SipRegistrationState.Unregistered, client.State);
        Assert.Contains("no response", client.LastError, StringComparison.Ordinal);
        await _bed.UntilAsync(() => _bed.Registers.Count == 3, "the un-REGISTER to arrive");
        Assert.Equal("0", _bed.Registers[^1].Headers[SipHeaderNames.Expires]);
    }

    [Fact]
    public async Task Garbage_and_stray_datagrams_change_nothing()
    {
        var client = _bed.Client(a => a.ExpiresSeconds = 120);
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "registration");
        var before = client.ExpiresAt!.Value;

        using (var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var box = _bed.BoxTransport.LocalEndPoint;
            attacker.SendTo("\0\u0001garbage\r\n\r\n"u8, box);
            attacker.SendTo("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"u8, box);
            var stray = $"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP {box};branch=z9hG4bKforged\r\nFrom: <{client.AddressOfRecord}>;tag=x\r\n"
                + $"To: <{client.AddressOfRecord}>;tag=y\r\nCall-ID: {client.CallId}\r\nCSeq: 99999 REGISTER\r\nContact: <{client.Contact}>;expires=1\r\nContent-Length: 0\r\n\r\n";
            attacker.SendTo(Encoding.ASCII.GetBytes(stray), box);
        }

        // The refresh's answer comes after the datagrams above on the same loopback socket.
        _bed.AdvanceTo(client.NextAttemptAt!.Value);
        await _bed.UntilAsync(() => client.ExpiresAt > before, "the refresh");
        Assert.Equal(SipRegistrationState.Registered, client.State);
        Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(120), client.ExpiresAt);
    }

    public static TheoryData<string, string> BadResponses => new()
    {
        { "401 without WWW-Authenticate", "no usable challenge" },
        { "401 Basic", "no usable challenge" },
        { "401 Digest without qop", "no usable challenge" },
        { "423 without Min-Expires", "unusable Min-Expires (none" },
        { "423 Min-Expires below ours", "unusable Min-Expires (5;" },
        { "423 Min-Expires 2^32-1", "unusable Min-Expires (4294967295;" },
        { "200 granting 0", "granted our contact 0 s" },
        { "403", "403 Forbidden" },
        { "603", "603 Decline" },
    };

    [Theory]
    [MemberData(nameof(BadResponses))]
    public async Task A_response_the_client_cannot_use_fails_the_attempt_with_a_clear_error_and_it_recovers_later(string kind, string error)
    {
        _bed.Override = request => Bad(kind, request);
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Failed, kind);

        Assert.Contains(error, client.LastError, StringComparison.Ordinal);
        Assert.Null(client.ExpiresAt);
        Assert.Single(_bed.Registers);
        Assert.NotNull(client.NextAttemptAt);

        _bed.Override = null;
        _bed.AdvanceTo(client.NextAttemptAt!.Value);
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, "recovery");
        Assert.Null(client.LastError);
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_honoured()
    {
        _bed.Override = request => With(SipResponse.CreateFor(request, 503, "Service Unavailable", "t"), ("Retry-After", "120 (maintenance)"));
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Failed, "the 503");

        Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(120), client.NextAttemptAt);
        Assert.Contains("503 Service Unavailable", client.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contact expires=soon, no Expires", 600, 300)]
    [InlineData("Contact expires=99999999999", 86_400, 43_200)]
    [InlineData("no Contact, Expires: 90", 90, 45)]
    [InlineData("another device's Contact listed before ours", 45, 13)]
    public async Task An_odd_but_parseable_2xx_registers_with_a_sensible_expiry_and_refresh_time(string kind, int expectedSeconds, int refreshSeconds)
    {
        _bed.Override = request => Odd(kind, request);
        var client = _bed.Client();
        client.Start();
        await _bed.UntilAsync(() => client.State == SipRegistrationState.Registered, kind);

        Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(expectedSeconds), client.ExpiresAt);
        // Half the grant; a short grant (under 64 s) is refreshed early enough to survive one 32 s transaction timeout.
        Assert.Equal(_bed.Time.GetUtcNow().AddSeconds(refreshSeconds), client.NextAttemptAt);
    }

    [Fact]
    public void An_invalid_account_is_refused_with_every_bad_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => _bed.Client(a =>
        {
            a.Password = string.Empty;
            a.Registrar = "sip:someone@provider.test";
            a.ExpiresSeconds = 5;
            a.MaxRetryDelay = TimeSpan.FromSeconds(1);
        }));

        Assert.Contains("Sip:Trunks:Registrations (account 'provider-a'):Password", error.Message, StringComparison.Ordinal);
        Assert.Contains(":Registrar 'sip:someone@provider.test'", error.Message, StringComparison.Ordinal);
        Assert.Contains(":ExpiresSeconds", error.Message, StringComparison.Ordinal);
        Assert.Contains(":MaxRetryDelay", error.Message, StringComparison.Ordinal);
        Assert.Empty(_bed.Account().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())));
    }

    private static SipResponse Bad(string kind, SipRequest request) => kind switch
    {
        "401 without WWW-Authenticate" => SipResponse.CreateFor(request, 401, "Unauthorized", "t"),
        "401 Basic" => With(SipResponse.CreateFor(request, 401, "Unauthorized", "t"), (SipHeaderNames.WwwAuthenticate, "Basic realm=\"x\"")),
        "401 Digest without qop" => With(SipResponse.CreateFor(request, 401, "Unauthorized", "t"), (SipHeaderNames.WwwAuthenticate, "Digest realm=\"x\", nonce=\"abc\"")),
        "423 without Min-Expires" => SipResponse.CreateFor(request, 423, "Interval Too Brief", "t"),
        "423 Min-Expires below ours" => With(SipResponse.CreateFor(request, 423, "Interval Too Brief", "t"), ("Min-Expires", "5")),
        "423 Min-Expires 2^32-1" => With(SipResponse.CreateFor(request, 423, "Interval Too Brief", "t"), ("Min-Expires", "4294967295")),
        "200 granting 0" => With(SipResponse.CreateFor(request, 200, "OK", "t"), (SipHeaderNames.Contact, $"{request.Headers[SipHeaderNames.Contact]!.Split(';')[0]};expires=0")),
        "403" => SipResponse.CreateFor(request, 403, "Forbidden", "t"),
        "603" => SipResponse.CreateFor(request, 603, "Decline", "t"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SipResponse Odd(string kind, SipRequest request)
    {
        var ours = request.Headers[SipHeaderNames.Contact]!.Split(';')[0];
        var ok = SipResponse.CreateFor(request, 200, "OK", "t");
        return kind switch
        {
            "Contact expires=soon, no Expires" => With(ok, (SipHeaderNames.Contact, ours + ";expires=soon")),
            "Contact expires=99999999999" => With(ok, (SipHeaderNames.Contact, ours + ";expires=99999999999")),
            "no Contact, Expires: 90" => With(ok, (SipHeaderNames.Expires, "90")),
            "another device's Contact listed before ours" => With(
                ok,
                (SipHeaderNames.Contact, "<sip:desk@198.51.100.7:5062>;expires=3000"),
                (SipHeaderNames.Contact, ours + ";expires=45"),
                (SipHeaderNames.Expires, "7200")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static SipResponse With(SipResponse response, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            response.Headers.Add(name, value);
        }

        return response;
    }
}
