using System.Net;
using System.Text.Json;
using Appliance.Banking;

namespace Appliance.Host.Tests.Web;

/// <summary>
/// Transfer to an agent with context over HTTP: the screen pop of a call whose caller identified in the IVR names the
/// verified customer with the masked account only; a call nobody verified has no customer.
/// </summary>
public sealed class AgentDeskVerifiedCustomerTests : IAsyncLifetime
{
    private AgentDeskFixture _desk = null!;

    public async Task InitializeAsync() => _desk = await AgentDeskFixture.StartAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task The_screen_pop_shows_the_verified_customer_by_name_and_masked_account()
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-now") with { Customer = new BankCustomer("C-7", "Chen Jing", "622202******7890", "retail") });
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync("/agent/v1/offers/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var customer = json.RootElement.GetProperty("customer");
        Assert.Equal(("C-7", "Chen Jing", "622202******7890", "retail"),
            (customer.GetProperty("customerId").GetString(), customer.GetProperty("name").GetString(), customer.GetProperty("maskedAccount").GetString(), customer.GetProperty("segment").GetString()));
        Assert.DoesNotContain("6222021234567890", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_nobody_verified_pops_without_a_customer()
    {
        _desk.Feed.Publish(_desk.Offer("1001", "call-now"));
        using var client = _desk.Client("1001");

        using var response = await client.GetAsync("/agent/v1/offers/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(!json.RootElement.TryGetProperty("customer", out var customer) || customer.ValueKind == JsonValueKind.Null);
    }
}
