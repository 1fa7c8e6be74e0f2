using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>What recordings verification asks the database: when the hash chain began, and which calls are still running.</summary>
public sealed class RecordingVerifyFactsTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_recording_stored_before_the_chain_migration_keeps_no_hash_and_started_before_the_chain_began()
    {
        var chain = MigrationCatalog.BuiltIn.Single(m => m.Name == "0011_recording_compliance");
        var before = _files.Create(MigrationCatalog.BuiltIn.Where(m => m.Version < chain.Version));
        before.Migrate();
        var recordedAt = _files.Time.GetUtcNow();
        _files.CloseAll();
        using (var old = _files.OpenRaw())
        {
            // Raw SQL: the firmware of schema 10 wrote recordings without a hash column.
            TestDatabase.Execute(old, "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) "
                + $"VALUES ('old-1', 'old-1', '/rec/old-1.wav', {recordedAt.ToUnixTimeMilliseconds()}, 1000, 2, 8000, 44);");
        }

        _files.Time.Advance(TimeSpan.FromDays(30)); // the firmware with the chain is installed a month later
        var after = _files.Create();
        after.Migrate();
        var compliance = new RecordingComplianceRepository(after);

        Assert.Equal(recordedAt.AddDays(30), compliance.ChainStartedAt());
        var row = Assert.Single(compliance.ListAll());
        Assert.Null(row.Sha256);
        Assert.True(row.StartedAt < compliance.ChainStartedAt());
        Assert.Empty(compliance.ReadChain());
    }

    [Fact]
    public void Calls_in_the_event_log_without_a_call_record_are_running_with_their_newest_event()
    {
        var database = _files.CreateMigrated();
        var start = _files.Time.GetUtcNow();
        new EventLogRepository(database).Append(
        [
            new(start, "running", "CALL_START"), new(start.AddSeconds(30), "running", "CONNECT"),
            new(start, "ended", "CALL_START"), new(start.AddMinutes(5), null, "AGENT_LOGIN", Agent: "a1"),
        ]);
        new CallRecordRepository(database).Insert(
            new CallRecord("ended", null, "sip", null, null, start, null, start.AddMinutes(1), null, null, null, "abandoned", null, null, null, null));
        var compliance = new RecordingComplianceRepository(database);

        var running = compliance.CallsWithoutRecord(["running", "ended", "never-seen", "running"]);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["running"] = start.AddSeconds(30) }, running);
        Assert.Empty(compliance.CallsWithoutRecord([]));
    }
}
