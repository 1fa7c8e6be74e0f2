using System.Text.Json;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Transport;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// Head office on TLS with its own (self-signed) certificate: a box that pins the certificate's fingerprint syncs; a box
/// pinning another fingerprint refuses the connection, counts the failure and keeps every record queued.
/// </summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class HeadOfficeTlsTests(HeadOfficeSite headOffice)
{
    private static readonly TimeSpan SyncLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_box_pinning_head_offices_certificate_syncs_over_TLS_and_a_wrong_pin_keeps_the_records_queued()
    {
        using var certificate = TestCertificates.Create();
        await headOffice.StopAsync();
        await headOffice.StartAsync(certificate);
        try
        {
            const string branch = "branch-tls";
            using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
            await using (var wrongPin = await box.StartAsync("--set", "Sync:Outbox:HeadOfficeCertificateSha256=" + new string('0', 64)))
            {
                await box.CreateTicketsAsync("tls", 1, 5, CancellationToken.None);
                await SyncWaits.UntilAsync(async () => await FailuresAsync(box) >= 2, SyncLimit, () => wrongPin.Output);
                Assert.Equal(5, box.OutboxBacklog());
                Assert.Empty(await headOffice.TicketIdsAsync(branch));
            }

            await using var rightPin = await box.StartAsync("--set", "Sync:Outbox:HeadOfficeCertificateSha256=" + CertificatePin.Fingerprint(certificate));
            await SyncWaits.UntilAsync(
                async () => (await headOffice.TicketIdsAsync(branch)).Count == 5 && box.OutboxBacklog() == 0, SyncLimit, () => rightPin.Output);
            Assert.Equal(box.StoredTicketIds(), await headOffice.TicketIdsAsync(branch));
        }
        finally
        {
            await headOffice.StopAsync();
            await headOffice.StartAsync();
        }
    }

    private static async Task<int> FailuresAsync(SyncedBox box)
    {
        var (exitCode, stdout, _) = await ApplianceProcess.RunVerbAsync("status", "--data", box.DataDirectory);
        return exitCode != 0 ? 0 : JsonDocument.Parse(stdout).RootElement.GetProperty("sections").GetProperty("outbox").GetProperty("consecutiveFailures").GetInt32();
    }
}
