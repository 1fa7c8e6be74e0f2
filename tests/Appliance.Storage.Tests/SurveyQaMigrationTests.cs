using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>
/// Migration 14 (0014_surveyqa): calls get a survey score, and the outbox is rebuilt to accept QA scores without losing an entry or
/// reusing a seq.
/// </summary>
public sealed class SurveyQaMigrationTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private CallRecord Answered(string id) =>
        new(id, 2, "analog", "13800138000", null, _files.Time.GetUtcNow(), _files.Time.GetUtcNow(), _files.Time.GetUtcNow().AddSeconds(95),
            "main", "general", "alice", "answered-by-agent", 12_000, 82_000, "local", $"rec-{id}");

    [Fact]
    public void A_call_keeps_its_survey_score_and_a_score_outside_1_to_5_is_refused()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());

        calls.Insert(Answered("call-1") with { SurveyScore = 5 });
        calls.Insert(Answered("call-2"));

        Assert.Equal(5, calls.Get("call-1")!.SurveyScore);
        Assert.Null(calls.Get("call-2")!.SurveyScore);
        var refused = Assert.Throws<StorageException>(() => calls.Insert(Answered("call-3") with { SurveyScore = 9 }));
        Assert.Equal(StorageFailure.InvalidRecord, refused.Failure);
        Assert.Contains("survey score must be between 1 and 5, not 9", refused.Message, StringComparison.Ordinal);
        Assert.Null(calls.Get("call-3"));
    }

    [Fact]
    public void The_outbox_rebuild_keeps_pending_entries_and_never_reuses_a_delivered_seq()
    {
        var migration = MigrationCatalog.BuiltIn.Single(m => m.Name.EndsWith("_surveyqa", StringComparison.Ordinal));
        _files.Create(MigrationCatalog.BuiltIn.Where(m => m.Version < migration.Version)).Migrate();
        _files.CloseAll();
        using (var old = _files.OpenRaw())
        {
            for (var i = 1; i <= 5; i++)
            {
                TestDatabase.Execute(old, $"INSERT INTO outbox (idempotency_key, kind, payload, payload_version, created_at) VALUES ('call:c{i}:r1', 'call', x'01', 1, {i});");
            }

            // Head office acknowledged the newest three: only seq 1 and 2 wait, but seq 5 was used.
            TestDatabase.Execute(old, "DELETE FROM outbox WHERE seq >= 3;");
            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => TestDatabase.Execute(old,
                "INSERT INTO outbox (idempotency_key, kind, payload, payload_version, created_at) VALUES ('qa_score:s1:r1', 'qa_score', x'01', 1, 9);"));
        }

        var after = _files.Create();
        after.Migrate();
        _files.CloseAll();
        using var raw = _files.OpenRaw();
        TestDatabase.Execute(raw, "INSERT INTO outbox (idempotency_key, kind, payload, payload_version, created_at) VALUES ('qa_score:s1:r1', 'qa_score', x'01', 1, 9);");

        Assert.Equal("1,2,6", TestDatabase.Scalar(raw, "SELECT group_concat(seq, ',') FROM (SELECT seq FROM outbox ORDER BY seq);"));
        Assert.Equal("call:c1:r1", TestDatabase.Scalar(raw, "SELECT idempotency_key FROM outbox WHERE seq = 1;"));
        var refused = Assert.ThrowsAny<Exception>(() => TestDatabase.Execute(raw,
            "INSERT INTO outbox (idempotency_key, kind, payload, payload_version, created_at) VALUES ('x', 'bogus', x'01', 1, 9);"));
        Assert.Contains("CHECK", refused.Message, StringComparison.Ordinal);
    }
}
