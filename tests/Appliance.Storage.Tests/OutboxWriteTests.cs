using System.Text;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>Tickets and transactions are stored together with their outbox entry, or not at all.</summary>
public sealed class OutboxWriteTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly ApplianceDatabase _database;
    private readonly TextEncoder _encoder = new();
    private readonly TicketRepository _tickets;
    private readonly TransactionRepository _transactions;
    private readonly OutboxRepository _outbox;

    public OutboxWriteTests()
    {
        _database = _files.CreateMigrated();
        _tickets = new TicketRepository(_database, _encoder);
        _transactions = new TransactionRepository(_database, _encoder);
        _outbox = new OutboxRepository(_database);
    }

    public void Dispose() => _files.Dispose();

    private static TicketRecord Ticket(string id = "T-1") =>
        new(id, "branch-7", "card-fee", "open", "622202******1234", new MoneyAmount(12_345, "CNY"), "charged twice");

    private static TransactionRecord Payment(string id = "X-1") =>
        new(id, "branch-7", "bill-payment", "completed", MoneyAmount.FromDecimal(88.50m, "CNY"), "6222****5678");

    [Fact]
    public void Creating_a_ticket_stores_it_and_queues_its_first_revision()
    {
        var stored = _tickets.Create(Ticket());

        Assert.Equal(1, stored.Revision);
        Assert.Equal(_files.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(stored, _tickets.Get("T-1"));
        var entry = Assert.Single(_outbox.ReadOldest(10));
        Assert.Equal("ticket:T-1:r1", entry.IdempotencyKey);
        Assert.Equal(OutboxKinds.Ticket, entry.Kind);
        Assert.Equal("T-1|open|1", Encoding.UTF8.GetString(entry.Payload));
        Assert.Equal(TextEncoder.Version, entry.PayloadVersion);
        Assert.Equal(stored.CreatedAt, entry.CreatedAt);
    }

    [Fact]
    public void Each_update_is_its_own_outbox_entry_in_commit_order_with_the_state_at_that_time()
    {
        var first = _tickets.Create(Ticket());
        _files.Time.Advance(TimeSpan.FromMinutes(5));
        var second = _tickets.Update(first with { Status = "dispatched" });
        _transactions.Create(Payment());
        _tickets.Update(second with { Status = "closed" });

        var entries = _outbox.ReadOldest(10);

        Assert.Equal(["ticket:T-1:r1", "ticket:T-1:r2", "transaction:X-1:r1", "ticket:T-1:r3"], entries.Select(e => e.IdempotencyKey));
        Assert.Equal(["T-1|open|1", "T-1|dispatched|2", "X-1|completed|1", "T-1|closed|3"], entries.Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.True(entries.Zip(entries.Skip(1)).All(pair => pair.First.Seq < pair.Second.Seq));
        Assert.Equal(first.CreatedAt, _tickets.Get("T-1")!.CreatedAt);
        Assert.Equal(first.CreatedAt + TimeSpan.FromMinutes(5), _tickets.Get("T-1")!.UpdatedAt);
    }

    [Fact]
    public void A_failing_outbox_write_rolls_the_ticket_back_too()
    {
        // A trigger makes the outbox insert fail after the ticket row was written in the same transaction.
        using (var raw = _files.OpenRaw())
        {
            TestDatabase.Execute(raw, "CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");
        }

        var error = Assert.Throws<StorageException>(() => _tickets.Create(Ticket()));

        Assert.Contains("disk says no", error.Message, StringComparison.Ordinal);
        Assert.Null(_tickets.Get("T-1"));
        Assert.Empty(_outbox.ReadOldest(10));
    }

    [Fact]
    public void A_failing_encoder_rolls_back_an_update_and_leaves_the_previous_revision()
    {
        var first = _transactions.Create(Payment());
        _encoder.Fail = true;

        Assert.Throws<InvalidOperationException>(() => _transactions.Update(first with { Status = "reversed" }));

        Assert.Equal(first, _transactions.Get("X-1"));
        Assert.Equal(["transaction:X-1:r1"], _outbox.ReadOldest(10).Select(e => e.IdempotencyKey));
    }

    [Fact]
    public void A_stale_update_is_a_conflict_and_queues_nothing()
    {
        var first = _tickets.Create(Ticket());
        _tickets.Update(first with { Status = "dispatched" });

        var error = Assert.Throws<StorageException>(() => _tickets.Update(first with { Status = "closed" }));

        Assert.Equal(StorageFailure.Conflict, error.Failure);
        Assert.Equal("dispatched", _tickets.Get("T-1")!.Status);
        Assert.Equal(2, _outbox.GetBacklog().Pending);
    }

    [Theory]
    [InlineData("6222021234567890123")]
    [InlineData("6222 0212 3456 7890")]
    [InlineData("6222021234*7890")]
    [InlineData("6222<script>****1234")]
    public void A_full_or_malformed_account_number_is_refused_without_echoing_it(string account)
    {
        var error = Assert.Throws<StorageException>(() => _tickets.Create(Ticket() with { MaskedAccount = account }));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains("masked account", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(account, error.Message, StringComparison.Ordinal);
        Assert.Null(_tickets.Get("T-1"));
        Assert.Equal(0, _outbox.GetBacklog().Pending);
    }

    [Fact]
    public void Masking_keeps_first_six_and_last_four_digits_and_the_result_is_accepted()
    {
        var masked = AccountMasking.Mask("6222 0212 3456 7890 123");

        Assert.Equal("622202*********0123", masked);
        Assert.Equal(masked, _tickets.Create(Ticket() with { MaskedAccount = masked }).MaskedAccount);
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("YUAN")]
    [InlineData("")]
    public void A_bad_currency_is_refused_naming_the_field(string currency)
    {
        var error = Assert.Throws<StorageException>(() => _transactions.Create(Payment() with { Amount = new MoneyAmount(100, currency) }));

        Assert.Contains("currency", error.Message, StringComparison.Ordinal);
        Assert.Null(_transactions.Get("X-1"));
    }

    [Fact]
    public void Amounts_round_trip_as_exact_minor_units()
    {
        Assert.Equal(new MoneyAmount(8850, "CNY"), _transactions.Create(Payment()).Amount);
        Assert.Equal(new MoneyAmount(8850, "CNY"), _transactions.Get("X-1")!.Amount);
        Assert.Equal(88.50m, _transactions.Get("X-1")!.Amount.ToDecimal());
        Assert.Throws<ArgumentException>(() => MoneyAmount.FromDecimal(1.005m, "CNY"));
    }

    [Fact]
    public void A_duplicate_id_is_a_conflict()
    {
        _tickets.Create(Ticket());

        var error = Assert.Throws<StorageException>(() => _tickets.Create(Ticket() with { Status = "closed" }));

        Assert.Equal(StorageFailure.Conflict, error.Failure);
        Assert.Single(_outbox.ReadOldest(10));
    }

    /// <summary>A readable stand-in for the protobuf encoder: "id|status|revision".</summary>
    private sealed class TextEncoder : IOutboxPayloadEncoder
    {
        public const int Version = 3;

        public bool Fail { get; set; }

        public int PayloadVersion => Version;

        public byte[] Encode(TicketRecord ticket) => Encode(ticket.Id, ticket.Status, ticket.Revision);

        public byte[] Encode(TransactionRecord transaction) => Encode(transaction.Id, transaction.Status, transaction.Revision);

        private byte[] Encode(string id, string status, int revision) => Fail
            ? throw new InvalidOperationException("encoder broke")
            : Encoding.UTF8.GetBytes($"{id}|{status}|{revision}");
    }
}
