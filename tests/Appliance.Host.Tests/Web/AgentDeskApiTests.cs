using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Appliance.Host.Tests.Web;

/// <summary>The screen pop over HTTP: Digest with the phone's credentials, only one's own offers, clear errors.</summary>
public sealed class AgentDeskApiTests : IAsyncLifetime
{
    private AgentDeskFixture _desk = null!;

    public async Task InitializeAsync() => _desk = await AgentDeskFixture.StartAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task The_agent_fetches_the_offer_with_the_ivr_data_the_callers_history_and_open_tickets()
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-now"));
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync("/agent/v1/offers/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pop = json.RootElement;
        Assert.Equal(("call-now", "1001", AgentDeskFixture.Caller), (pop.GetProperty("callId").GetString(), pop.GetProperty("agentId").GetString(), pop.GetProperty("callerNumber").GetString()));
        Assert.Equal(("hotline", "cards", "en", 25.0), (pop.GetProperty("entryPoint").GetString(), pop.GetProperty("queue").GetString(), pop.GetProperty("language").GetString(), pop.GetProperty("waitSeconds").GetDouble()));
        Assert.Equal(["lang:2", "cards:2", "card-number:"], pop.GetProperty("ivrPath").EnumerateArray().Select(s => $"{s.GetProperty("node").GetString()}:{s.GetProperty("key").GetString()}"));
        Assert.Equal("cards", pop.GetProperty("variables").GetProperty("service").GetString());
        Assert.Equal(["call-old-2", "call-old-1"], pop.GetProperty("previousCalls").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal("1002", pop.GetProperty("previousCalls")[1].GetProperty("agent").GetString());
        Assert.Equal("abandoned", pop.GetProperty("previousCalls")[0].GetProperty("outcome").GetString());
        var ticket = Assert.Single(pop.GetProperty("openTickets").EnumerateArray());
        Assert.Equal(("T-1", "open"), (ticket.GetProperty("id").GetString(), ticket.GetProperty("status").GetString()));
        Assert.DoesNotContain("62220212", ticket.GetProperty("maskedAccount").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agent_sees_nothing_of_it_and_an_ended_offer_is_gone()
    {
        var offer = _desk.Offer("1001", "call-now");
        _desk.Feed.Publish(offer);
        using var other = _desk.Client("1002");

        using var response = await other.GetAsync("/agent/v1/offers/current");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no call is offered to agent '1002'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("call-now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _desk.Feed.Publish(offer with { EndedAt = _desk.Time.GetUtcNow() });
        using var owner = _desk.Client("1001");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/agent/v1/offers/current")).StatusCode);
    }

    [Theory]
    [InlineData("1001", "wrong-password")]
    [InlineData("1002", "k7Pq-2xWz-81Lm")] // another agent's password
    [InlineData("9999", "k7Pq-2xWz-81Lm")] // nobody
    public async Task Wrong_credentials_get_401_with_a_fresh_challenge(string user, string password)
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-now"));
        using var client = _desk.Client(user, password);

        using var response = await client.GetAsync("/agent/v1/offers/current");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Digest" && h.Parameter!.Contains("algorithm=SHA-256", StringComparison.Ordinal));
        Assert.DoesNotContain("call-now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_credentials_or_another_scheme_get_401_naming_digest()
    {
        using var client = new HttpClient { BaseAddress = _desk.Address };
        using var none = await client.GetAsync("/agent/v1/offers/current");
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/agent/v1/offers/stream");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("1001:k7Pq-2xWz-81Lm"u8.ToArray()));
        using var basicResponse = await client.SendAsync(basic);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, basicResponse.StatusCode));
        Assert.Equal(2, none.Headers.WwwAuthenticate.Count);
        Assert.Contains("only HTTP Digest authentication is accepted", await basicResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Digest username=\"1001\", realm=\"appliance\"", "the 'nonce' parameter is missing")]
    [InlineData("Digest username=\"1001\", realm=\"appliance", "cannot be read")]
    [InlineData("Digest username=\"1001\", realm=\"appliance\", nonce=\"1.ab\", uri=\"/agent/v1/other\", response=\"00\", qop=auth, nc=00000001, cnonce=\"x\"", "uri does not name this request")]
    [InlineData("Digest username=\"1001\", realm=\"appliance\", nonce=\"1.ab\", uri=\"/agent/v1/offers/current\", response=\"00\", qop=auth-int, nc=00000001, cnonce=\"x\"", "qop must be auth")]
    [InlineData("Digest username=\"1001\", realm=\"appliance\", nonce=\"1.ab\", uri=\"/agent/v1/offers/current\", response=\"00\", qop=auth, nc=00000001, cnonce=\"x\", algorithm=SHA-512-256", "algorithm must be SHA-256 or MD5")]
    public async Task A_malformed_digest_header_gets_400_saying_what_is_wrong(string header, string problem)
    {
        using var client = new HttpClient { BaseAddress = _desk.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/agent/v1/offers/current");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_nonce_is_answered_stale_and_the_client_retries_with_a_new_one()
    {
        using var client = _desk.Client("1001");
        _desk.Feed.Publish(_desk.Offer("1001", "call-now"));
        using var first = await client.GetAsync("/agent/v1/offers/current");
        var authorization = first.RequestMessage!.Headers.Authorization!.ToString();
        _desk.Time.Advance(TimeSpan.FromMinutes(6));

        using var client2 = new HttpClient { BaseAddress = _desk.Address };
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/agent/v1/offers/current");
        replay.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var stale = await client2.SendAsync(replay);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("algorithm=SHA-256", authorization, StringComparison.Ordinal); // the client took the stronger challenge
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains(stale.Headers.WwwAuthenticate, h => h.Parameter!.Contains("stale=true", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent/v1/offers/current")).StatusCode);
    }

    [Fact]
    public async Task A_captured_authorization_cannot_be_replayed()
    {
        using var client = _desk.Client("1001");
        using var first = await client.GetAsync("/agent/v1/offers/current");
        var authorization = first.RequestMessage!.Headers.Authorization!.ToString();

        using var attacker = new HttpClient { BaseAddress = _desk.Address };
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/agent/v1/offers/current");
        replay.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var replayed = await attacker.SendAsync(replay);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode); // authenticated; nothing offered
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("used before", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agent/v1/offers/current")).StatusCode); // the desktop goes on
    }

    [Fact]
    public async Task An_unknown_path_gets_a_404_naming_the_endpoints()
    {
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync("/agent/v1/offers/everything");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/agent/v1/offers/current", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
