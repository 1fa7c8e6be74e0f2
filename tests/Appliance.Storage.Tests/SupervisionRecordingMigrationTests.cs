using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>The migration that lets recordings have three channels keeps every recording stored before it.</summary>
public sealed class SupervisionRecordingMigrationTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Recordings_stored_before_the_rebuild_are_kept_with_their_constraints_and_indexes()
    {
        var migration = MigrationCatalog.BuiltIn.Single(m => m.Name.EndsWith("_supervision_recordings", StringComparison.Ordinal));
        var before = _files.Create(MigrationCatalog.BuiltIn.Where(m => m.Version < migration.Version));
        before.Migrate();
        var stored = new RecordingRecord("call-1", "call-1", "/data/recordings/call-1.wav", _files.Time.GetUtcNow(), 95_000, 2, 8000, 1_520_044);
        _files.CloseAll();
        using (var old = _files.OpenRaw())
        {
            // Raw SQL: today's repository writes columns this older schema does not have yet.
            TestDatabase.Execute(old, "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) "
                + $"VALUES ('call-1', 'call-1', '/data/recordings/call-1.wav', {_files.Time.GetUtcNow().ToUnixTimeMilliseconds()}, 95000, 2, 8000, 1520044);");
        }

        var after = _files.Create();
        after.Migrate();
        var recordings = new RecordingRepository(after);

        Assert.Equal([stored], recordings.ListByCall("call-1"));
        recordings.Insert(stored with { Id = "call-1.sup-000001", Path = "/data/recordings/call-1.sup-000001.wav", Channels = 3 });
        Assert.Equal(2, recordings.ListByCall("call-1").Count);
        var samePath = Assert.Throws<StorageException>(() => recordings.Insert(stored with { Id = "other" }));
        Assert.Equal(StorageFailure.Conflict, samePath.Failure);
        _files.CloseAll();
        using var raw = _files.OpenRaw();
        Assert.Equal(2L, TestDatabase.Scalar(raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('recordings_by_call', 'recordings_by_started_at');"));
        var refused = Assert.ThrowsAny<Exception>(() => TestDatabase.Execute(raw,
            "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) VALUES ('x', NULL, '/x.wav', 0, 0, 4, 8000, 0);"));
        Assert.Contains("CHECK", refused.Message, StringComparison.Ordinal);
    }
}
