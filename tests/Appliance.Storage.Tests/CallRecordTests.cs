using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class CallRecordTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private CallRecord Answered(string id, DateTimeOffset start) =>
        new(id, 2, "analog", "13800138000", "ZHANG WEI", start, start.AddSeconds(1), start.AddSeconds(95), "main", "general",
            "alice", "answered-by-agent", 12_000, 82_000, "caller", $"rec-{id}");

    [Fact]
    public void Call_records_round_trip_with_every_field_and_with_nulls()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());
        var start = _files.Time.GetUtcNow();
        var full = Answered("call-1", start);
        var sparse = new CallRecord("call-2", null, "sip", null, null, start, null, null, null, null, null, "failed", null, null, null, null);

        calls.Insert(full);
        calls.Insert(sparse);

        Assert.Equal(full, calls.Get("call-1"));
        Assert.Equal(sparse, calls.Get("call-2"));
        Assert.Null(calls.Get("call-3"));
    }

    [Fact]
    public void A_callbacks_record_keeps_how_many_times_the_box_dialled()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());
        var callback = Answered("call-1", _files.Time.GetUtcNow()) with { Outcome = "callback-connected", CallbackAttempts = 2 };

        calls.Insert(callback);
        calls.Insert(Answered("call-2", _files.Time.GetUtcNow()));

        Assert.Equal(2, calls.Get("call-1")!.CallbackAttempts);
        Assert.Equal(0, calls.Get("call-2")!.CallbackAttempts);
    }

    [Fact]
    public void A_second_record_with_the_same_id_is_a_conflict_and_the_first_is_kept()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());
        var first = Answered("call-1", _files.Time.GetUtcNow());
        calls.Insert(first);

        var error = Assert.Throws<StorageException>(() => calls.Insert(first with { Outcome = "abandoned" }));

        Assert.Equal(StorageFailure.Conflict, error.Failure);
        Assert.Equal(first, calls.Get("call-1"));
    }

    [Fact]
    public void Bad_call_records_are_refused()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());
        var start = _files.Time.GetUtcNow();

        var endedBeforeStart = Assert.Throws<StorageException>(() => calls.Insert(Answered("c1", start) with { EndedAt = start.AddSeconds(-1) }));
        var negativeWait = Assert.Throws<StorageException>(() => calls.Insert(Answered("c2", start) with { WaitMilliseconds = -5 }));
        var noOutcome = Assert.Throws<StorageException>(() => calls.Insert(Answered("c3", start) with { Outcome = " " }));

        Assert.Contains("must not be before the start", endedBeforeStart.Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative", negativeWait.Message, StringComparison.Ordinal);
        Assert.Contains("outcome must not be empty", noOutcome.Message, StringComparison.Ordinal);
        Assert.Empty(calls.List(start.AddDays(-1), start.AddDays(1)));
    }

    [Fact]
    public void List_returns_the_calls_that_started_in_the_range_oldest_first()
    {
        var calls = new CallRecordRepository(_files.CreateMigrated());
        var t0 = _files.Time.GetUtcNow();
        foreach (var i in new[] { 4, 0, 2, 1, 3 })
        {
            calls.Insert(Answered($"call-{i}", t0.AddHours(i)));
        }

        Assert.Equal(["call-1", "call-2"], calls.List(t0.AddHours(1), t0.AddHours(3)).Select(c => c.Id));
        Assert.Equal(["call-0", "call-1"], calls.List(t0, t0.AddDays(1), max: 2).Select(c => c.Id));
    }

    [Fact]
    public void A_committed_call_record_survives_closing_every_connection_and_reopening()
    {
        var record = Answered("call-durable", _files.Time.GetUtcNow());
        new CallRecordRepository(_files.CreateMigrated()).Insert(record);
        _files.CloseAll();
        Assert.False(File.Exists(_files.Path + "-wal"), "closing the last connection should checkpoint the WAL");

        using var reopened = _files.Create();
        reopened.Open();

        Assert.Equal(record, new CallRecordRepository(reopened).Get("call-durable"));
    }

    [Fact]
    public void A_committed_call_record_is_in_the_files_before_any_connection_closes()
    {
        // Simulates power loss right after Insert returns: copy the files as they are on disk while the pooled connection
        // is still open (no checkpoint, no clean close), then open the copy.
        var database = _files.CreateMigrated();
        var record = Answered("call-crash", _files.Time.GetUtcNow());
        using (var held = database.OpenConnection())
        {
            new CallRecordRepository(database).Insert(record);
            var copyDirectory = Path.Combine(_files.Directory, "after-crash");
            Directory.CreateDirectory(copyDirectory);
            var copy = Path.Combine(copyDirectory, "appliance.db");
            File.Copy(_files.Path, copy);
            Assert.True(File.Exists(_files.Path + "-wal"), "the commit should still be in the WAL");
            File.Copy(_files.Path + "-wal", copy + "-wal");

            using var recovered = _files.Create(path: copy);
            recovered.Open();
            Assert.Equal(record, new CallRecordRepository(recovered).Get("call-crash"));
        }
    }
}
