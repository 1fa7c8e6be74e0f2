using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Appliance.Host.Tests.Web;

/// <summary>/agent/v1/tickets: the authenticated agent creates, updates and shows complaint tickets; bad input changes nothing.</summary>
public sealed class AgentTicketApiTests : IAsyncLifetime
{
    private AgentDeskFixture _desk = null!;

    public async Task InitializeAsync() => _desk = await AgentDeskFixture.StartAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task The_agent_opens_and_moves_a_ticket_as_themselves_whatever_agent_the_body_names()
    {
        using var client = _desk.Client("1002");

        using var created = await client.PostAsJsonAsync("/agent/v1/tickets",
            new { category = "card-fee", customerNumber = "13900000001", channel = "phone", description = "charged twice", agent = "1001" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;

        using var patched = await client.PatchAsJsonAsync($"/agent/v1/tickets/{id}", new { revision = 1, status = "dispatched" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        using var shown = await client.GetAsync($"/agent/v1/tickets/{id}");
        var body = await Json(shown);
        Assert.Equal(("dispatched", 2), (body.GetProperty("ticket").GetProperty("status").GetString(), body.GetProperty("ticket").GetProperty("revision").GetInt32()));
        Assert.Equal(["1002", "1002"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Bad_input_gets_400_or_409_naming_what_is_wrong_and_changes_nothing()
    {
        using var client = _desk.Client("1001");
        using var created = await client.PostAsJsonAsync("/agent/v1/tickets",
            new { category = "card-fee", customerNumber = "13900000001", channel = "phone", description = "charged twice" });
        var id = (await Json(created)).GetProperty("id").GetString()!;

        using var missing = await client.PostAsJsonAsync("/agent/v1/tickets", new { category = "card-fee", customerNumber = "", channel = "phone", description = "x" });
        using var unknownField = await client.PostAsJsonAsync("/agent/v1/tickets", new { category = "card-fee", customerNumber = "1", channel = "phone", description = "x", colour = "red" });
        using var stale = await client.PatchAsJsonAsync($"/agent/v1/tickets/{id}", new { revision = 7, status = "dispatched" });
        using var badStatus = await client.PatchAsJsonAsync($"/agent/v1/tickets/{id}", new { revision = 1, status = "closed" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("customer number is required", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("colour", await unknownField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("based on revision 7 but the ticket is at revision 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("cannot go from new to closed", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("new", 1), (_desk.Complaints.Get(id)!.Ticket.Status, _desk.Complaints.Get(id)!.Revision));
        Assert.Single(_desk.Complaints.List(null, 10));
    }

    [Fact]
    public async Task Without_the_agents_credentials_nothing_is_created()
    {
        using var client = _desk.Client("1001", "wrong-password");

        using var response = await client.PostAsJsonAsync("/agent/v1/tickets",
            new { category = "card-fee", customerNumber = "13900000001", channel = "phone", description = "charged twice" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_desk.Complaints.List(null, 10));
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
