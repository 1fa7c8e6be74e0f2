using Appliance.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Appliance.IntegrationTests.Desk;

/// <summary>
/// The real process with the web listener on: an agent's desktop, logged in with the phone password `agent password`
/// printed, gets each call offered to them with the caller's menu keys and, for a caller who called before, that call;
/// and an agent's log-out survives a restart of the box.
/// </summary>
public sealed class AgentDeskEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "appliance-desk-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private ApplianceProcess? _appliance;

    public async Task InitializeAsync() => _appliance = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_appliance is not null)
        {
            await _appliance.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task The_desktop_gets_each_offer_with_the_menu_keys_and_the_callers_previous_call()
    {
        var password = await VerbAsync("agent", "password", "--agent", "1001");
        using var client = new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential("1001", password) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_port}"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agent/v1/offers/current")).StatusCode);

        var first = JsonDocument.Parse(await VerbAsync("sim", "call", "--line", "1", "--from", "13500135000", "--digits", "1", "--talk", "1"));
        var firstCall = first.RootElement.GetProperty("callId").GetString();
        // The stream's headers may wait for its first event, so the second call is placed before they are awaited; a
        // stream opened while the call already rings starts with that offer anyway.
        var opening = client.GetAsync("/agent/v1/offers/stream", HttpCompletionOption.ResponseHeadersRead);
        var second = VerbAsync("sim", "call", "--line", "2", "--from", "13500135000", "--digits", "1", "--talk", "1");
        using var response = await opening.WaitAsync(Patience);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (kind, offer) = await NextEventAsync(events);
        Assert.Equal("offer", kind);
        Assert.Equal(("13500135000", "general"), (offer.GetProperty("callerNumber").GetString(), offer.GetProperty("queue").GetString()));
        Assert.Contains(offer.GetProperty("ivrPath").EnumerateArray(), s => s.GetProperty("key").GetString() == "1");
        var previous = Assert.Single(offer.GetProperty("previousCalls").EnumerateArray());
        Assert.Equal(firstCall, previous.GetProperty("callId").GetString());
        Assert.Equal(first.RootElement.GetProperty("outcome").GetString(), previous.GetProperty("outcome").GetString());

        var secondCall = JsonDocument.Parse(await second).RootElement.GetProperty("callId").GetString();
        Assert.Equal(secondCall, offer.GetProperty("callId").GetString());
        (kind, var end) = await NextEventAsync(events);
        Assert.Equal(("end", secondCall), (kind, end.GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task An_agent_who_logged_out_is_still_logged_out_after_a_restart()
    {
        await VerbAsync("agent", "logout", "--agent", "1002");
        await _appliance!.TerminateAsync();
        Assert.Equal(0, await _appliance.WaitForExitAsync());
        await _appliance.DisposeAsync();

        _appliance = await StartAsync();
        var table = await VerbAsync("agent", "list");

        // AGENT STATE REASON SINCE SECONDS PHONES, one agent a line after the heading.
        var states = table.Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(("loggedout", "available"), (states["1002"], states["1001"]));
    }

    private Task<ApplianceProcess> StartAsync() =>
        ApplianceProcess.StartAsync(
            _data, "--set", "Web:Enabled=true", "--set", $"Web:Port={_port}", "--set", "Demo:AgentAnswerSeconds=1", "--set", "Demo:WrapUpSeconds=0");

    private async Task<string> VerbAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync([.. arguments, "--data", _data]);
        Assert.True(exitCode == 0, $"{string.Join(' ', arguments)} exited {exitCode}: {stdout}\n{stderr}\nappliance output:\n{_appliance?.Output}");
        return stdout.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<(string Kind, JsonElement Data)> NextEventAsync(StreamReader events) => ServerSentEvents.NextAsync(events, Patience);
}
