using System.Globalization;
using System.Net;
using System.Text.Json;
using Appliance.Storage;

namespace Appliance.Host.Tests.Web;

/// <summary>GET /agent/v1/time: an agent's own login time and occupancy from their stored state events.</summary>
public sealed class AgentTimeApiTests : IAsyncLifetime
{
    private AgentDeskFixture _desk = null!;
    private DateTimeOffset _start;

    public async Task InitializeAsync()
    {
        _desk = await AgentDeskFixture.StartAsync();
        _start = _desk.Time.GetUtcNow().AddHours(-1);

        // Agent 1001: available 600 s, on a call 300 s, wrap-up 60 s, then available again.
        new EventLogRepository(_desk.Database).Append(
        [
            State(0, """{"status":"available","reason":null,"reasonName":null}"""),
            State(600, """{"status":"oncall","reason":null,"reasonName":null,"previous":"available","previousReason":null,"seconds":600}"""),
            State(900, """{"status":"wrapup","reason":null,"reasonName":null,"previous":"oncall","previousReason":null,"seconds":300}"""),
            State(960, """{"status":"available","reason":null,"reasonName":null,"previous":"wrapup","previousReason":null,"seconds":60}"""),
        ]);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task The_agent_gets_their_login_time_and_occupancy_over_the_period()
    {
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync(Query(_start, _start.AddSeconds(1200)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var report = json.RootElement;

        // Available 600 + 240 (960 to 1200) = 840; handling 300 + 60 = 360; occupancy 360 / 1200 = 0.3.
        Assert.Equal(1200.0, report.GetProperty("loginSeconds").GetDouble());
        Assert.Equal(840.0, report.GetProperty("availableSeconds").GetDouble());
        Assert.Equal((300.0, 60.0), (report.GetProperty("onCallSeconds").GetDouble(), report.GetProperty("wrapUpSeconds").GetDouble()));
        Assert.Equal(0.3, report.GetProperty("occupancy").GetDouble());
    }

    [Fact]
    public async Task Another_agent_gets_only_their_own_empty_report()
    {
        using var client = _desk.Client("1002");

        using var response = await client.GetAsync(Query(_start, _start.AddSeconds(1200)));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("1002", 0.0), (json.RootElement.GetProperty("agentId").GetString(), json.RootElement.GetProperty("loginSeconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("occupancy").ValueKind);
    }

    [Theory]
    [InlineData("/agent/v1/time?to=2026-12-01T00:00:00Z", "from: is required")]
    [InlineData("/agent/v1/time?from=yesterday&to=2026-12-01T00:00:00Z", "from: 'yesterday' is not an ISO 8601 date")]
    [InlineData("/agent/v1/time?from=2026-12-01T00:00:00&to=2026-12-01T08:00:00Z", "is not an ISO 8601 date and time with an offset")]
    [InlineData("/agent/v1/time?from=2026-12-01&to=2026-12-02T00:00:00Z", "from: '2026-12-01' is not an ISO 8601 date and time with an offset")]
    [InlineData("/agent/v1/time?from=2026-12-01T00:00:00Z&to=2026-11-30T00:00:00Z", "to: must be after from")]
    [InlineData("/agent/v1/time?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "at most 93 days later")]
    public async Task A_bad_period_gets_400_naming_the_parameter(string path, string problem)
    {
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Query(DateTimeOffset from, DateTimeOffset to) =>
        $"/agent/v1/time?from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";

    private CallEventRecord State(int seconds, string data) => new(_start.AddSeconds(seconds), "NONE", "AGENT_STATE", null, "1001", data);
}
