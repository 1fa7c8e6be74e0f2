using System.Globalization;
using System.Text.Json;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// The real appliance on the simulated board pushing to head office on a real PostgreSQL: calls and tickets made on the box
/// arrive once, and `headoffice report pull` reads the same figures the box holds.
/// </summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class HeadOfficeEndToEndTests(HeadOfficeSite headOffice)
{
    private static readonly TimeSpan SyncLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Calls_and_tickets_arrive_exactly_once_and_report_pull_matches_the_boxs_own_figures()
    {
        const string branch = "branch-e2e";
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
        await using var appliance = await box.StartAsync();

        var answered = await ApplianceProcess.RunVerbAsync("sim", "call", "--data", box.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", "1", "--talk", "1");
        var abandoned = await ApplianceProcess.RunVerbAsync("sim", "call", "--data", box.DataDirectory, "--line", "2", "--from", "02150001234", "--digits", "1", "--hangup-after", "0.5");
        var tickets = await ApplianceProcess.RunVerbAsync("sim", "ticket", "--data", box.DataDirectory, "--prefix", "e2e", "--count", "25");
        Assert.True(answered.ExitCode == 0 && abandoned.ExitCode == 0, answered.StdOut + answered.StdErr + abandoned.StdErr + appliance.Output);
        Assert.Contains("answered-by-agent", answered.StdOut, StringComparison.Ordinal);
        Assert.True(tickets.ExitCode == 0, tickets.StdErr);
        Assert.Equal(25, JsonDocument.Parse(tickets.StdOut).RootElement.GetProperty("created").GetArrayLength());

        await SyncWaits.UntilAsync(
            async () => (await headOffice.TicketIdsAsync(branch)).Count >= 25 && (await headOffice.CallIdsAsync(branch)).Count >= 2 && box.OutboxBacklog() == 0,
            SyncLimit,
            () => appliance.Output);
        var atHeadOffice = await headOffice.TicketIdsAsync(branch);
        Assert.Equal(box.StoredTicketIds(), atHeadOffice);
        Assert.Equal(atHeadOffice.Count, atHeadOffice.Distinct().Count());
        Assert.Equal(25 + 2, (await headOffice.AppliedKeysAsync(branch)).Count);

        var report = await PullReportAsync(box);
        var boxCalls = box.Query("SELECT id FROM calls ORDER BY started_at, id", r => r.GetString(0));
        Assert.Equal(2, boxCalls.Count);
        Assert.Equal(boxCalls.Order(StringComparer.Ordinal), await headOffice.CallIdsAsync(branch));
        Assert.Equal(boxCalls, report.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("call_id").GetString()));
        var kpis = report.GetProperty("kpis").EnumerateArray().ToList();
        var boxOffered = box.Query("SELECT count(*) FROM events WHERE kind = 'ENTERQUEUE'", r => r.GetInt64(0))[0];
        var boxAnswered = box.Query("SELECT count(*) FROM events WHERE kind = 'CONNECT'", r => r.GetInt64(0))[0];
        Assert.Equal(boxOffered, kpis.Sum(k => k.GetProperty("offered").GetInt64()));
        Assert.Equal(boxAnswered, kpis.Sum(k => k.GetProperty("answered").GetInt64()));
    }

    private static async Task<JsonElement> PullReportAsync(SyncedBox box)
    {
        var today = DateTimeOffset.UtcNow.Date;
        var headOfficeDll = Path.Combine(AppContext.BaseDirectory, "headoffice.dll");
        using var process = new System.Diagnostics.Process
        {
            StartInfo = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    headOfficeDll, "report", "pull", "--branch", box.BranchId, "--address", $"http://127.0.0.1:{box.ReportPort}",
                    "--from", today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "--to", today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--format", "json",
                },
                Environment = { ["HEADOFFICE_REPORT_KEY"] = SyncedBox.HeadOfficeKey },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, $"headoffice report pull exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
