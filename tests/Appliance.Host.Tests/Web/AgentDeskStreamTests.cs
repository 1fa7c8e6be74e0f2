using Appliance.Testing;
using System.Net;
using System.Text.Json;

namespace Appliance.Host.Tests.Web;

/// <summary>The offer stream (server-sent events): the offer in force first, then each new offer and end, only one's own.</summary>
public sealed class AgentDeskStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private AgentDeskFixture _desk = null!;

    public async Task InitializeAsync() => _desk = await AgentDeskFixture.StartAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task The_stream_sends_the_offer_with_its_screen_pop_and_then_its_end()
    {
        var offer = _desk.Offer("1001", "call-now");
        _desk.Feed.Publish(offer);
        using var client = _desk.Client("1001");
        using var response = await client.GetAsync("/agent/v1/offers/stream", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (kind, data) = await NextEventAsync(events);
        Assert.Equal("offer", kind);
        Assert.Equal("call-now", data.GetProperty("callId").GetString());
        Assert.Equal(2, data.GetProperty("previousCalls").GetArrayLength());

        _desk.Feed.Publish(offer with { EndedAt = _desk.Time.GetUtcNow() });
        (kind, data) = await NextEventAsync(events);
        Assert.Equal(("end", "call-now"), (kind, data.GetProperty("callId").GetString()));

        _desk.Feed.Publish(_desk.Offer("1001", "call-next"));
        (kind, data) = await NextEventAsync(events);
        Assert.Equal(("offer", "call-next"), (kind, data.GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task Another_agents_stream_gets_only_their_own_offers()
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-for-1001"));
        var own = _desk.Offer("1002", "call-for-1002");
        _desk.Feed.Publish(own);
        using var client = _desk.Client("1002");
        using var response = await client.GetAsync("/agent/v1/offers/stream", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (kind, data) = await NextEventAsync(events);
        Assert.Equal(("offer", "call-for-1002", "1002"), (kind, data.GetProperty("callId").GetString(), data.GetProperty("agentId").GetString()));

        // Published in this order: 1001's new offer must not come before (or instead of) the end of 1002's own.
        _desk.Feed.Publish(_desk.Offer("1001", "call-for-1001-again"));
        _desk.Feed.Publish(own with { EndedAt = _desk.Time.GetUtcNow() });
        (kind, data) = await NextEventAsync(events);
        Assert.Equal(("end", "call-for-1002"), (kind, data.GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task Stopping_the_listener_ends_an_open_stream_instead_of_waiting_for_it()
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-now"));
        using var client = _desk.Client("1001");
        using var response = await client.GetAsync("/agent/v1/offers/stream", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("offer", (await NextEventAsync(events)).Kind);

        // A bound for a hang, not a wait for a timer: without the fix this takes the host's whole shutdown timeout.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await _desk.StopServerAsync().WaitAsync(Patience);

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed}");
        Assert.Null(await events.ReadLineAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task The_stream_refuses_a_wrong_password()
    {
        using var client = _desk.Client("1001", "guess");

        using var response = await client.GetAsync("/agent/v1/offers/stream", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<(string Kind, JsonElement Data)> NextEventAsync(StreamReader events) => ServerSentEvents.NextAsync(events, Patience);
}
