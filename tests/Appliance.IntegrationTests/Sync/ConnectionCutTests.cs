namespace Appliance.IntegrationTests.Sync;

/// <summary>The link dropped in the middle of a batch (mid-upload, then after head office applied it but before the box heard).</summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class ConnectionCutTests(HeadOfficeSite headOffice)
{
    [Fact]
    public async Task Batches_cut_mid_upload_and_mid_answer_are_resent_and_applied_once()
    {
        const string branch = "branch-cut";
        await using var proxy = new CuttingProxy(headOffice.Port);
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), $"http://127.0.0.1:{proxy.Port}/");
        await using var appliance = await box.StartAsync();

        await box.CreateTicketsAsync("cut", 1, 150, CancellationToken.None);

        await SyncWaits.UntilAsync(async () => box.OutboxBacklog() == 0 && (await headOffice.TicketIdsAsync(branch)).Count >= 150,
            TimeSpan.FromSeconds(60), () => appliance.Output);
        Assert.Equal(2, proxy.Cuts);
        var atHeadOffice = await headOffice.TicketIdsAsync(branch);
        Assert.Equal(box.StoredTicketIds(), atHeadOffice);
        Assert.Equal(150, (await headOffice.AppliedKeysAsync(branch)).Distinct().Count());
    }
}
