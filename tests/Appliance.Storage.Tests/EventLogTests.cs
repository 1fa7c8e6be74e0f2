using Appliance.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Tests;

public sealed class EventLogTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly ApplianceDatabase _database;
    private readonly EventLogRepository _events;

    public EventLogTests()
    {
        _database = _files.CreateMigrated();
        _events = new EventLogRepository(_database);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Appended_events_get_increasing_positions_and_read_back_per_call_in_order()
    {
        var t0 = _files.Time.GetUtcNow();
        var stored = _events.Append(
        [
            new CallEventRecord(t0, "call-1", "CALL_START", Data: """{"line":1}"""),
            new CallEventRecord(t0.AddSeconds(1), "call-2", "CALL_START"),
            new CallEventRecord(t0.AddSeconds(2), "call-1", "ENTERQUEUE", "general"),
            new CallEventRecord(t0.AddSeconds(3), null, "AGENT_STATE", Agent: "alice", Data: """{"state":"ready"}"""),
            new CallEventRecord(t0.AddSeconds(4), "call-1", "CONNECT", "general", "alice"),
        ]);

        Assert.Equal(5, stored.Count);
        Assert.True(stored.Zip(stored.Skip(1)).All(pair => pair.Second.Seq > pair.First.Seq));
        var call1 = _events.ReadByCall("call-1");
        Assert.Equal(["CALL_START", "ENTERQUEUE", "CONNECT"], call1.Select(e => e.Kind));
        Assert.Equal([stored[0], stored[2], stored[4]], call1);
        Assert.Equal("""{"line":1}""", call1[0].Data);
        Assert.Equal(stored[^1].Seq, _events.LastSeq());
    }

    [Fact]
    public void Events_cannot_be_updated_or_deleted_even_with_raw_sql()
    {
        _events.Append([new CallEventRecord(_files.Time.GetUtcNow(), "call-1", "CALL_START")]);
        using var connection = _database.OpenConnection();

        var update = Assert.Throws<SqliteException>(() => TestDatabase.Execute(connection, "UPDATE events SET kind = 'FORGED';"));
        var delete = Assert.Throws<SqliteException>(() => TestDatabase.Execute(connection, "DELETE FROM events;"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("CALL_START", Assert.Single(_events.ReadByCall("call-1")).Kind);
    }

    [Fact]
    public void A_batch_with_one_bad_event_stores_nothing()
    {
        var now = _files.Time.GetUtcNow();
        _events.Append([new CallEventRecord(now, "call-0", "CALL_START")]);
        var lastBefore = _events.LastSeq();

        var error = Assert.Throws<StorageException>(() => _events.Append(
        [
            new CallEventRecord(now, "call-1", "CALL_START"),
            new CallEventRecord(now, "call-1", "ENTERQUEUE", Data: "{not json"),
        ]));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains("event 1 (ENTERQUEUE)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Empty(_events.ReadByCall("call-1"));
        Assert.Equal(lastBefore, _events.LastSeq());
    }

    [Theory]
    [InlineData("", "kind must not be empty")]
    [InlineData("KIND\nFORGED", "control character")]
    public void Bad_kinds_are_refused(string kind, string expected)
    {
        var error = Assert.Throws<StorageException>(() =>
            _events.Append([new CallEventRecord(_files.Time.GetUtcNow(), "call-1", kind)]));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _events.LastSeq());
    }

    [Fact]
    public void Oversized_data_is_refused()
    {
        var data = "\"" + new string('x', EventLogRepository.MaxDataLength) + "\"";

        var error = Assert.Throws<StorageException>(() =>
            _events.Append([new CallEventRecord(_files.Time.GetUtcNow(), "call-1", "NOTE", Data: data)]));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_by_time_range_is_half_open_and_in_log_order()
    {
        var t0 = _files.Time.GetUtcNow();
        _events.Append([.. Enumerable.Range(0, 10).Select(i => new CallEventRecord(t0.AddMinutes(i), $"call-{i}", "CALL_START"))]);

        var range = _events.Read(t0.AddMinutes(3), t0.AddMinutes(6));

        Assert.Equal(["call-3", "call-4", "call-5"], range.Select(e => e.CallId));
    }

    [Fact]
    public void Read_after_pages_through_the_whole_log_without_gaps_or_repeats()
    {
        var t0 = _files.Time.GetUtcNow();
        _events.Append([.. Enumerable.Range(0, 25).Select(i => new CallEventRecord(t0, $"call-{i}", "CALL_START"))]);

        var seen = new List<string?>();
        long cursor = 0;
        while (_events.ReadAfter(cursor, 10) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= 10);
            seen.AddRange(page.Select(e => e.CallId));
            cursor = page[^1].Seq;
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"call-{i}"), seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => _events.ReadAfter(0, 0));
    }

    [Fact]
    public void Instants_are_kept_to_the_millisecond()
    {
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        var stored = Assert.Single(_events.Append([new CallEventRecord(at, "call-1", "CALL_START")]));

        var read = Assert.Single(_events.ReadByCall("call-1"));
        Assert.Equal(stored, read);
        Assert.Equal(at.ToUnixTimeMilliseconds(), read.At.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
    }
}
