using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class RecordingComplianceTests : IDisposable
{
    private static readonly string FileHash = new('a', 64);
    private readonly TestDatabase _files = new();
    private readonly ApplianceDatabase _database;
    private readonly RecordingRepository _recordings;
    private readonly RecordingComplianceRepository _compliance;

    public RecordingComplianceTests()
    {
        _database = _files.CreateMigrated();
        _recordings = new RecordingRepository(_database);
        _compliance = new RecordingComplianceRepository(_database);
    }

    public void Dispose() => _files.Dispose();

    private DateTimeOffset Start => _files.Time.GetUtcNow();

    private void Call(string id, string? queue) =>
        new CallRecordRepository(_database).Insert(
            new CallRecord(id, null, "sip", null, null, Start, null, null, null, queue, null, "answered", null, null, null, null));

    private RecordingRecord Recording(string id, string callId, int daysAgo) =>
        new(id, callId, $"/rec/{id}.wav", Start.AddDays(-daysAgo), 1_000, 2, 8000, 44) { Sha256 = FileHash };

    [Fact]
    public void Insert_stores_the_file_hash_and_chains_each_recording_to_the_one_before()
    {
        _recordings.Insert(Recording("r1", "c1", 1));
        _recordings.Insert(Recording("r2", "c2", 1));

        Assert.Equal(FileHash, _recordings.Get("r1")!.Sha256);
        var chain = _compliance.ReadChain();
        Assert.Equal([1L, 2L], chain.Select(e => e.Sequence));
        Assert.Equal(RecordingChainEntry.Genesis, chain[0].PreviousSha256);
        Assert.Equal(chain[0].EntrySha256, chain[1].PreviousSha256);
        Assert.All(chain, e => Assert.Equal(e.ExpectedEntrySha256(), e.EntrySha256));
        Assert.Equal("/rec/r2.wav", chain[1].Path);
    }

    [Fact]
    public void A_bad_file_hash_is_refused_and_nothing_is_stored()
    {
        var error = Assert.Throws<StorageException>(() => _recordings.Insert(Recording("r1", "c1", 1) with { Sha256 = "xyz" }));

        Assert.Contains("hash", error.Message, StringComparison.Ordinal);
        Assert.Null(_recordings.Get("r1"));
        Assert.Empty(_compliance.ReadChain());
    }

    [Fact]
    public void Expired_recordings_follow_their_queue_retention_or_the_default_and_skip_held_calls()
    {
        Call("c-long", "loans");   // loans keeps 30 days
        Call("c-short", "cards");  // default 10 days
        Call("c-held", "cards");
        _recordings.Insert(Recording("loans-20", "c-long", 20));
        _recordings.Insert(Recording("cards-20", "c-short", 20));
        _recordings.Insert(Recording("cards-5", "c-short", 5));
        _recordings.Insert(Recording("held-20", "c-held", 20));
        _recordings.Insert(Recording("nocall-11", "c-none", 11));
        Assert.True(_compliance.Hold("c-held", Start));
        Assert.False(_compliance.Hold("c-held", Start));

        var cutoffs = new Dictionary<string, DateTimeOffset> { ["loans"] = Start.AddDays(-30) };
        var expired = _compliance.ListExpired(cutoffs, Start.AddDays(-10), 100);

        Assert.Equal(["cards-20", "nocall-11"], expired.Select(e => e.Id).Order());
        Assert.Single(_compliance.ListExpired(cutoffs, Start.AddDays(-10), 1));
        Assert.True(_compliance.Release("c-held"));
        Assert.Contains("held-20", _compliance.ListExpired(cutoffs, Start.AddDays(-10), 100).Select(e => e.Id));
    }

    [Fact]
    public void Purge_deletes_rows_and_appends_purge_links_that_keep_the_chain_intact()
    {
        Call("c1", null);
        _recordings.Insert(Recording("r1", "c1", 20));
        _recordings.Insert(Recording("r2", "c1", 20));
        _recordings.Insert(Recording("r3", "c1", 1));
        var expired = _compliance.ListExpired(new Dictionary<string, DateTimeOffset>(), Start.AddDays(-10), 100);

        var purged = _compliance.Purge(expired, Start);

        Assert.Equal(["r1", "r2"], purged.Select(p => p.Id));
        Assert.Null(_recordings.Get("r1"));
        Assert.NotNull(_recordings.Get("r3"));
        var chain = _compliance.ReadChain();
        Assert.Equal(5, chain.Count);
        Assert.Equal([RecordingChainEntry.PurgeKind, RecordingChainEntry.PurgeKind], chain.Skip(3).Select(e => e.Kind));
        for (var i = 0; i < chain.Count; i++)
        {
            Assert.Equal(chain[i].ExpectedEntrySha256(), chain[i].EntrySha256);
            Assert.Equal(i == 0 ? RecordingChainEntry.Genesis : chain[i - 1].EntrySha256, chain[i].PreviousSha256);
        }
    }

    [Fact]
    public void Purge_skips_a_recording_whose_call_was_held_after_it_was_listed()
    {
        _recordings.Insert(Recording("r1", "c1", 20));
        var expired = _compliance.ListExpired(new Dictionary<string, DateTimeOffset>(), Start.AddDays(-10), 100);
        _compliance.Hold("c1", Start);

        Assert.Empty(_compliance.Purge(expired, Start));
        Assert.NotNull(_recordings.Get("r1"));
        Assert.Single(_compliance.ReadChain());
    }
}
