using Appliance.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Storage.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Parallel_appends_all_land_with_unique_positions()
    {
        var events = new EventLogRepository(_files.CreateMigrated());
        var at = _files.Time.GetUtcNow();

        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var batch = 0; batch < 25; batch++)
            {
                events.Append([
                    new CallEventRecord(at, $"w{writer}-b{batch}", "CALL_START"),
                    new CallEventRecord(at, $"w{writer}-b{batch}", "CALL_END"),
                ]);
            }
        }));
        await Task.WhenAll(writers);

        var all = events.ReadAfter(0, 1000);
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Select(e => e.Seq).Distinct().Count());

        // Each batch is one transaction: its two events are adjacent in the log.
        foreach (var group in all.GroupBy(e => e.CallId))
        {
            var pair = group.ToList();
            Assert.Equal(["CALL_START", "CALL_END"], pair.Select(e => e.Kind));
            Assert.Equal(pair[0].Seq + 1, pair[1].Seq);
        }
    }

    [Fact]
    public void A_writer_blocked_past_the_busy_timeout_gets_a_busy_error_naming_the_setting()
    {
        using var database = new ApplianceDatabase(_files.Path, NullLogger<ApplianceDatabase>.Instance, _files.Time,
            new StorageOptions { BusyTimeoutMilliseconds = 50 });
        database.Migrate();
        var settings = new SettingsRepository(database);
        using var holder = _files.OpenRaw();
        TestDatabase.Execute(holder, "BEGIN IMMEDIATE; INSERT INTO settings (key, value, updated_at) VALUES ('held', 'x', 0);");

        var error = Assert.Throws<StorageException>(() => settings.Set("blocked", "y"));

        Assert.Equal(StorageFailure.Busy, error.Failure);
        Assert.Contains("Storage:BusyTimeoutMilliseconds", error.Message, StringComparison.Ordinal);
        TestDatabase.Execute(holder, "ROLLBACK;");
        settings.Set("blocked", "y");
        Assert.Equal("y", settings.Get("blocked"));
        Assert.Null(settings.Get("held"));
    }
}
