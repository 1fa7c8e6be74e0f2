using System.Text.Json;
using Npgsql;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// Two-way tickets through the real processes: a complaint opened with `appliance ticket create` reaches head office
/// with its fields, `headoffice ticket resolve` resolves it there, and the box pulls the change back so that
/// `appliance ticket show` says resolved at the next revision, which head office then receives too.
/// </summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class TicketRoundTripTests(HeadOfficeSite headOffice)
{
    private static readonly TimeSpan SyncLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_ticket_created_on_the_box_and_resolved_at_head_office_comes_back_resolved_with_the_new_revision()
    {
        const string branch = "branch-tickets";
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
        await using var appliance = await box.StartAsync("--set", "Sync:Tickets:PullIntervalSeconds=1");

        var created = await ApplianceProcess.RunVerbAsync("ticket", "create", "--data", box.DataDirectory, "--category", "card-fee",
            "--sub-category", "annual-fee", "--customer", "13900000077", "--name", "Li Wei", "--description", "charged twice", "--agent", "1001");
        Assert.True(created.ExitCode == 0, created.StdErr + appliance.Output);
        var id = JsonDocument.Parse(created.StdOut).RootElement.GetProperty("id").GetString()!;

        await SyncWaits.UntilAsync(async () => await HeadOfficeAsync(branch, id) == "new/1", SyncLimit, () => appliance.Output);
        Assert.Equal("annual-fee|*******0077|L*****", await TextAsync(
            "SELECT concat_ws('|', sub_category, customer_number_masked, customer_name_masked) FROM tickets WHERE branch_id = $1 AND ticket_id = $2", branch, id));

        var resolve = await HeadOfficeCliAsync("ticket", "resolve", "--branch", branch, "--id", id, "--note", "fee refunded", "--actor", "cards-desk");
        Assert.True(resolve.ExitCode == 0, resolve.StdErr);

        await SyncWaits.UntilAsync(
            () => Task.FromResult(box.Query("SELECT status || '/' || revision FROM tickets WHERE id = '" + id + "'", r => r.GetString(0))[0] == "resolved/2"),
            SyncLimit, () => appliance.Output);
        var show = await ApplianceProcess.RunVerbAsync("ticket", "show", id, "--data", box.DataDirectory);
        Assert.True(show.ExitCode == 0, show.StdErr);
        var shown = JsonDocument.Parse(show.StdOut).RootElement;
        Assert.Equal(("resolved", 2), (shown.GetProperty("ticket").GetProperty("status").GetString(), shown.GetProperty("ticket").GetProperty("revision").GetInt32()));
        Assert.Contains("fee refunded", shown.GetProperty("ticket").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("headoffice:cards-desk#", shown.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString(), StringComparison.Ordinal);

        // The applied change goes back out in the outbox: head office holds the box's revision 2 and no conflict arose.
        await SyncWaits.UntilAsync(async () => await HeadOfficeAsync(branch, id) == "resolved/2", SyncLimit, () => appliance.Output);
        Assert.Empty(box.Query("SELECT change_id FROM ticket_conflicts", r => r.GetInt64(0)));
    }

    private Task<string?> HeadOfficeAsync(string branch, string id) =>
        TextAsync("SELECT status || '/' || revision FROM tickets WHERE branch_id = $1 AND ticket_id = $2", branch, id);

    private async Task<string?> TextAsync(string sql, string branch, string id)
    {
        await using var connection = new NpgsqlConnection(headOffice.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = branch }, new() { Value = id } } };
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<(int ExitCode, string StdOut, string StdErr)> HeadOfficeCliAsync(params string[] args)
    {
        using var process = new System.Diagnostics.Process
        {
            StartInfo = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                Environment = { ["HEADOFFICE_DB"] = headOffice.ConnectionString },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.StartInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "headoffice.dll"));
        foreach (var arg in args)
        {
            process.StartInfo.ArgumentList.Add(arg);
        }

        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout, await stderr);
    }
}
