using System.Text;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>What the pump does to the outbox: delete only acknowledged keys, set aside rejected ones, keep state across restarts.</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly OutboxRepository _outbox;
    private readonly TicketRepository _tickets;

    public OutboxDeliveryTests()
    {
        var database = _files.CreateMigrated();
        _outbox = new OutboxRepository(database);
        _tickets = new TicketRepository(database, new IdEncoder());
        for (var i = 1; i <= 5; i++)
        {
            _tickets.Create(new TicketRecord($"T-{i}", "branch-7", "enquiry", "open"));
            _files.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Only_acknowledged_keys_are_removed_and_unknown_keys_are_ignored()
    {
        var batch = _outbox.ReadOldest(3);

        var (removed, rejected) = _outbox.CompleteDelivery(
            batch[0].Seq, batch[^1].Seq, ["ticket:T-1:r1", "ticket:T-3:r1", "ticket:T-99:r1"], [], _files.Time.GetUtcNow());

        Assert.Equal(2, removed);
        Assert.Equal(0, rejected);
        var left = _outbox.ReadOldest(10);
        Assert.Equal(["ticket:T-2:r1", "ticket:T-4:r1", "ticket:T-5:r1"], left.Select(e => e.IdempotencyKey));
        Assert.Equal([1, 0, 0], left.Select(e => e.Attempts));
    }

    [Fact]
    public void Rejected_entries_are_set_aside_with_the_reason()
    {
        _outbox.CompleteDelivery(1, 5, ["ticket:T-1:r1"], [new("ticket:T-2:r1", "unknown kind")], _files.Time.GetUtcNow());

        Assert.Equal(3, _outbox.GetBacklog().Pending);
        Assert.Equal(1, _outbox.GetBacklog().Rejected);
        Assert.Equal([new KeyValuePair<string, string>("ticket:T-2:r1", "unknown kind")], _outbox.ReadRejected());
    }

    [Fact]
    public void Backlog_and_delivery_state_are_read_back_after_a_restart()
    {
        var start = _files.Time.GetUtcNow();
        _outbox.RecordFailure(1, 5, "head office unreachable", start);
        _outbox.RecordFailure(1, 5, new string('x', 5000), start + TimeSpan.FromSeconds(10));
        _files.CloseAll();

        var reopened = new OutboxRepository(_files.Create());
        var backlog = reopened.GetBacklog();

        Assert.Equal(5, backlog.Pending);
        Assert.Equal(start - TimeSpan.FromSeconds(5), backlog.OldestCreatedAt);
        Assert.Equal(2, backlog.ConsecutiveFailures);
        Assert.Equal(OutboxRepository.MaxErrorLength, backlog.LastError!.Length);
        Assert.Null(backlog.LastSuccessAt);
        Assert.All(reopened.ReadOldest(10), e => Assert.Equal(2, e.Attempts));

        reopened.CompleteDelivery(1, 5, [], [], start + TimeSpan.FromMinutes(1));
        backlog = reopened.GetBacklog();
        Assert.Equal(start + TimeSpan.FromMinutes(1), backlog.LastSuccessAt);
        Assert.Null(backlog.LastError);
        Assert.Equal(0, backlog.ConsecutiveFailures);
    }

    [Fact]
    public void An_empty_outbox_has_no_oldest_entry()
    {
        _outbox.CompleteDelivery(1, 5, _outbox.ReadOldest(10).Select(e => e.IdempotencyKey).ToList(), [], _files.Time.GetUtcNow());

        Assert.Equal(0, _outbox.GetBacklog().Pending);
        Assert.Null(_outbox.GetBacklog().OldestCreatedAt);
    }

    private sealed class IdEncoder : IOutboxPayloadEncoder
    {
        public int PayloadVersion => 1;

        public byte[] Encode(TicketRecord ticket) => Encoding.UTF8.GetBytes(ticket.Id);

        public byte[] Encode(TransactionRecord transaction) => Encoding.UTF8.GetBytes(transaction.Id);
    }
}
