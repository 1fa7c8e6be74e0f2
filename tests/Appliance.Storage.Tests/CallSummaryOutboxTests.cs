using System.Text;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>A stored call enters the outbox with its record, or neither is stored.</summary>
public sealed class CallSummaryOutboxTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly ApplianceDatabase _database;

    public CallSummaryOutboxTests() => _database = _files.CreateMigrated();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_stored_call_is_queued_for_head_office_in_the_same_transaction()
    {
        var calls = new CallRecordRepository(_database, new IdEncoder());
        calls.Insert(Call("C-1"));

        var entry = Assert.Single(new OutboxRepository(_database).ReadOldest(10));
        Assert.Equal("call:C-1:r1", entry.IdempotencyKey);
        Assert.Equal(OutboxKinds.CallSummary, entry.Kind);
        Assert.Equal("C-1", Encoding.UTF8.GetString(entry.Payload));
    }

    [Fact]
    public void A_refused_call_record_leaves_nothing_in_the_outbox()
    {
        var calls = new CallRecordRepository(_database, new IdEncoder());
        calls.Insert(Call("C-1"));

        Assert.Throws<StorageException>(() => calls.Insert(Call("C-1")));
        Assert.Throws<InvalidOperationException>(() => new CallRecordRepository(_database, new FailingEncoder()).Insert(Call("C-2")));

        Assert.Single(new OutboxRepository(_database).ReadOldest(10));
        Assert.Null(calls.Get("C-2"));
    }

    [Fact]
    public void Without_an_encoder_calls_are_stored_but_not_queued()
    {
        new CallRecordRepository(_database).Insert(Call("C-1"));

        Assert.Empty(new OutboxRepository(_database).ReadOldest(10));
    }

    private CallRecord Call(string id) => new(
        id, 1, "analog", "13800138000", null, _files.Time.GetUtcNow(), null, _files.Time.GetUtcNow(), "main", null, null,
        "ended-in-menu", 0, 0, "remote", null);

    private sealed class IdEncoder : ICallSummaryEncoder
    {
        public int PayloadVersion => 1;

        public byte[] Encode(CallRecord call) => Encoding.UTF8.GetBytes(call.Id);
    }

    private sealed class FailingEncoder : ICallSummaryEncoder
    {
        public int PayloadVersion => 1;

        public byte[] Encode(CallRecord call) => throw new InvalidOperationException("encoder broke");
    }
}
