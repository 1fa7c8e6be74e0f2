namespace Appliance.IntegrationTests.Sync;

/// <summary>Head office away while the box keeps working: the backlog grows and shows in status, then drains exactly once.</summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class HeadOfficeOutageTests(HeadOfficeSite headOffice)
{
    [Fact]
    public async Task Tickets_made_while_head_office_is_down_arrive_once_when_it_returns()
    {
        const string branch = "branch-outage";
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
        await using var appliance = await box.StartAsync();
        await box.CreateTicketsAsync("before", 1, 10, CancellationToken.None);
        await SyncWaits.UntilAsync(async () => (await headOffice.TicketIdsAsync(branch)).Count == 10, TimeSpan.FromSeconds(30), () => appliance.Output);

        await headOffice.StopAsync();
        try
        {
            await box.CreateTicketsAsync("during", 1, 120, CancellationToken.None);

            // Several failed pushes (backoff is capped at 0.5 s here), visible as a backlog with an error in `appliance status`.
            string status = string.Empty;
            await SyncWaits.UntilAsync(async () =>
            {
                var run = await ApplianceProcess.RunVerbAsync("status", "--data", box.DataDirectory);
                status = run.StdOut.Replace(" ", string.Empty, StringComparison.Ordinal);
                return status.Contains("\"pending\":120", StringComparison.OrdinalIgnoreCase)
                    && status.Contains("\"consecutiveFailures\":", StringComparison.OrdinalIgnoreCase)
                    && !status.Contains("\"lastError\":null", StringComparison.OrdinalIgnoreCase);
            }, TimeSpan.FromSeconds(30), () => status);
            Assert.Equal(120, box.OutboxBacklog());
        }
        finally
        {
            await headOffice.StartAsync();
        }

        await SyncWaits.UntilAsync(async () => box.OutboxBacklog() == 0, TimeSpan.FromSeconds(60), () => appliance.Output);
        var atHeadOffice = await headOffice.TicketIdsAsync(branch);
        Assert.Equal(box.StoredTicketIds(), atHeadOffice);
        Assert.Equal(130, atHeadOffice.Distinct().Count());
    }
}
