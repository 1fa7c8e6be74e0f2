using Appliance.Core.Campaigns;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static Appliance.Core.Tests.Campaigns.CampaignScenario;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>A campaign stopped in the middle resumes from SQLite with its attempts and schedule intact.</summary>
public sealed class CampaignRestartTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "campaigns-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task A_restart_in_the_middle_keeps_attempts_and_retry_times_and_counts_the_attempt_under_way()
    {
        DateTimeOffset stoppedAt;
        using (var database = Open())
        {
            var repository = new CampaignRepository(database);
            repository.Create(Campaign(Monday));
            repository.AddContacts("spring", [Contact("13900000001", 2, Monday), Contact("13900000002", 3, Monday)]);
            await using var store = new BackgroundCampaignStore(repository, TimeProvider.System, NullLogger<BackgroundCampaignStore>.Instance);
            using var before = new CampaignScenario(store);
            before.Customer("13900000001", "busy=2000");
            before.Customer("13900000002", "answer=never");
            before.Restore(repository.Get("spring")!, repository.Contacts("spring"));

            // The busy number has had its first attempt; the other is ringing when the box stops.
            Assert.True(before.RunUntil(() => before.Dialled("13900000002") == 1, TimeSpan.FromSeconds(30)), "the second contact was not dialled");
            before.Acd.Run(TimeSpan.FromSeconds(1));
            before.Suspend();
            stoppedAt = before.Now;
            await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        using (var database = Open())
        {
            var repository = new CampaignRepository(database);
            var stored = repository.Contacts("spring");
            Assert.Equal([("13900000001", 1, "busy", false), ("13900000002", 1, null, true)], stored.Select(c => (c.Number, c.Attempts, c.LastOutcome, c.Dialling)));
            var retryAt = stored[0].NextAt;
            Assert.InRange(retryAt, stoppedAt.AddSeconds(50), stoppedAt.AddSeconds(60));

            await using var store = new BackgroundCampaignStore(repository, TimeProvider.System, NullLogger<BackgroundCampaignStore>.Instance);
            using var after = new CampaignScenario(store, stoppedAt.AddSeconds(5));
            after.Customer("13900000001", "busy=2000");
            after.Customer("13900000002", "answer=never");
            after.Restore(repository.Get("spring")!, stored);

            Assert.True(after.RunUntil(() => after.Attempts(2).Count == 2 && after.Attempts(3).Count == 2, TimeSpan.FromMinutes(10)), "the campaign did not resume");
            await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal([("13900000001", 3, "busy"), ("13900000002", 3, "no-answer")], repository.Contacts("spring").Select(c => (c.Number, c.Attempts, c.Result)));
            Assert.Equal("finished", repository.Get("spring")!.State);
            Assert.True(after.Attempts(2)[0].At >= retryAt, "the busy number was retried before its interval");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private ApplianceDatabase Open()
    {
        var database = new ApplianceDatabase(_path, NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        database.Migrate();
        return database;
    }
}
