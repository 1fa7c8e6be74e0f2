using System.Text;
using Appliance.Core.Ivr;
using Appliance.Core.Persistence;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>Self-service transactions reach SQLite with their outbox entry, off the caller's thread, masked.</summary>
public sealed class TransactionStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ss-tx-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_recorded_transaction_is_stored_with_its_outbox_entry()
    {
        System.IO.Directory.CreateDirectory(_folder);
        using var database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        database.Migrate();
        var repository = new TransactionRepository(database, new TextEncoder());
        await using (var store = new BackgroundTransactionStore(repository, "branch-7", NullLogger<BackgroundTransactionStore>.Instance))
        {
            store.Record(new SelfServiceTransaction("t1", "call-1", "balance-enquiry", "completed", "622202******7890", 123_456, "CNY", DateTimeOffset.UtcNow));
            store.Record(new SelfServiceTransaction("t2", "call-1", "verify", "wrong-pin", "622202******7890", null, "", DateTimeOffset.UtcNow));
        }

        var stored = repository.Get("t1")!;
        Assert.Equal(("branch-7", "balance-enquiry", "completed", 123_456L, "CNY", "622202******7890", "call-1"),
            (stored.Branch, stored.Type, stored.Status, stored.Amount.MinorUnits, stored.Amount.Currency, stored.MaskedAccount, stored.CallId));
        Assert.Equal("wrong-pin", repository.Get("t2")!.Status);
        Assert.Equal(2, new OutboxRepository(database).ReadOldest(10).Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class TextEncoder : IOutboxPayloadEncoder
    {
        public int PayloadVersion => 1;

        public byte[] Encode(TicketRecord ticket) => Encoding.UTF8.GetBytes(ticket.Id);

        public byte[] Encode(TransactionRecord transaction) => Encoding.UTF8.GetBytes(transaction.Id + "|" + transaction.Status);
    }
}
