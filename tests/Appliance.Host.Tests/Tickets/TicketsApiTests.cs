using System.Net;
using System.Text.Json;
using Appliance.Core.Complaints;
using Appliance.Core.Journal;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Tests.Tickets;

/// <summary>/v1/tickets and <c>appliance ticket</c> against the running appliance: the life cycle and refusals that change nothing.</summary>
public sealed class TicketsApiTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly ManualTimeProvider _time = new();
    private ApplianceDatabase _database = null!;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        _database = new ApplianceDatabase(_data.File("tickets.db"), NullLogger<ApplianceDatabase>.Instance, _time);
        _database.Migrate();
        _appliance = await InProcessAppliance.StartAsync(_data, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton(_database);
            services.AddSingleton<IOutboxPayloadEncoder, ProtobufOutboxPayloadEncoder>();
            services.AddSingleton<ICallJournal, NullJournal>();
            services.AddComplaints();
        });
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _database.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task An_agent_opens_dispatches_and_resolves_a_ticket_over_the_control_api_and_a_stale_update_gets_409()
    {
        var created = Parse(await _appliance.Client.CreateTicketAsync(new TicketCreateRequest("card-fee", "13900000001", "phone", "charged twice", "1001", MaskedAccount: "622202******1234")));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(("new", 1), (created.GetProperty("status").GetString(), created.GetProperty("revision").GetInt32()));

        var dispatched = Parse(await _appliance.Client.UpdateTicketAsync(id, new TicketUpdateRequest(1, "1001", "dispatched")));
        Assert.Equal(("dispatched", 2, "customer-service"), (dispatched.GetProperty("status").GetString(), dispatched.GetProperty("revision").GetInt32(), dispatched.GetProperty("department").GetString()));

        var stale = await Assert.ThrowsAsync<ControlRequestException>(() => _appliance.Client.UpdateTicketAsync(id, new TicketUpdateRequest(1, "1002", "resolved")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("based on revision 1 but the ticket is at revision 2", stale.Message, StringComparison.Ordinal);

        var shown = Parse(await _appliance.Client.GetTicketAsync(id));
        Assert.Equal(("dispatched", 2), (shown.GetProperty("ticket").GetProperty("status").GetString(), shown.GetProperty("ticket").GetProperty("revision").GetInt32()));
        Assert.Equal(2, shown.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"revision\": 1, \"agent\": \"1001\", \"status\": \"closed\"}", HttpStatusCode.BadRequest, "cannot go from new to closed")]
    [InlineData("{\"revision\": 1, \"agent\": \"1001\", \"status\": \"nonsense\"}", HttpStatusCode.BadRequest, "status 'nonsense' is unknown")]
    [InlineData("{\"revision\": \"one\", \"agent\": \"1001\"}", HttpStatusCode.BadRequest, "not a valid ticket request")]
    [InlineData("{\"revision\": 1, \"agent\": \"1001\", \"colour\": \"red\"}", HttpStatusCode.BadRequest, "colour")]
    [InlineData("{\"revision\": 7, \"agent\": \"1001\", \"status\": \"dispatched\"}", HttpStatusCode.Conflict, "based on revision 7")]
    public async Task A_bad_update_over_http_gets_a_clear_error_and_changes_nothing(string body, HttpStatusCode expected, string message)
    {
        var id = Parse(await _appliance.Client.CreateTicketAsync(new TicketCreateRequest("atm", "13900000002", "phone", "card kept", "1001"))).GetProperty("id").GetString()!;
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var response = await client.PatchAsync($"v1/tickets/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = _appliance.App.Services.GetRequiredService<ComplaintService>().Get(id)!;
        Assert.Equal(("new", 1), (stored.Ticket.Status, stored.Revision));
    }

    [Fact]
    public async Task A_create_with_a_full_card_number_or_a_missing_field_is_refused_with_400_and_stores_nothing()
    {
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var card = await client.PostAsync("v1/tickets", new StringContent(
            "{\"category\": \"atm\", \"customerNumber\": \"139\", \"channel\": \"phone\", \"description\": \"x\", \"agent\": \"1001\", \"maskedAccount\": \"6222021234567891234\"}",
            System.Text.Encoding.UTF8, "application/json"));
        using var missing = await client.PostAsync("v1/tickets", new StringContent("{\"category\": \"atm\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);
        Assert.Contains("masked account", await card.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("6222021234567891234", await card.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Empty(_appliance.App.Services.GetRequiredService<ComplaintService>().List(null, 10));
    }

    [Fact]
    public async Task Ticket_verbs_create_and_update_through_the_cli_and_a_bad_status_change_exits_refused()
    {
        var created = await CliRun.InvokeAsync(["ticket", "create", "--data", _data.Path, "--category", "card-fee", "--customer", "13900000003", "--description", "fee", "--agent", "1001"]);
        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        var id = Parse(created.Output).GetProperty("id").GetString()!;

        var refused = await CliRun.InvokeAsync(["ticket", "update", id, "--data", _data.Path, "--revision", "1", "--agent", "1001", "--status", "confirmed"]);
        var resolved = await CliRun.InvokeAsync(["ticket", "update", id, "--data", _data.Path, "--revision", "1", "--agent", "1001", "--status", "resolved"]);

        Assert.Equal(ExitCodes.RequestRefused, refused.ExitCode);
        Assert.Equal(ExitCodes.Ok, resolved.ExitCode);
        Assert.Equal("resolved", Parse(resolved.Output).GetProperty("status").GetString());
        Assert.Equal(_time.GetUtcNow(), Parse(resolved.Output).GetProperty("callbackDueAt").GetDateTimeOffset());
        var listed = await CliRun.InvokeAsync(["ticket", "list", "--data", _data.Path, "--status", "resolved"]);
        Assert.Equal(id, Parse(listed.Output)[0].GetProperty("id").GetString());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class NullJournal : ICallJournal
    {
        public void Append(CallEvent callEvent)
        {
        }

        public Task CompleteCallAsync(CallDetail detail) => Task.CompletedTask;
    }
}
