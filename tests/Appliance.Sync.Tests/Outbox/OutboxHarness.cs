using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Outbox;

/// <summary>A migrated database in a temp folder with the ticket/transaction repositories, the outbox and a pump factory.</summary>
internal sealed class OutboxHarness : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-outbox-tests", Guid.NewGuid().ToString("N"));

    public OutboxHarness()
    {
        Directory.CreateDirectory(_directory);
        Database = Open();
        Tickets = new TicketRepository(Database, new ProtobufOutboxPayloadEncoder());
        Transactions = new TransactionRepository(Database, new ProtobufOutboxPayloadEncoder());
        Outbox = new OutboxRepository(Database);
    }

    public ManualTimeProvider Time { get; } = new();

    public ApplianceDatabase Database { get; private set; }

    public TicketRepository Tickets { get; }

    public TransactionRepository Transactions { get; }

    public OutboxRepository Outbox { get; private set; }

    public OutboxPumpOptions Options { get; } = new()
    {
        HeadOfficeAddress = "http://127.0.0.1:1/",
        BranchId = "branch-7",
        BranchKey = "key-of-branch-7-long-enough",
        BatchSize = 3,
        MaxBatchDelaySeconds = 2,
        PollIntervalSeconds = 1,
        InitialBackoffSeconds = 1,
        MaxBackoffSeconds = 60,
    };

    public OutboxPump Pump(IHeadOfficeSyncClient? client, int seed = 42) =>
        new(Outbox, client, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<OutboxPump>.Instance, new Random(seed));

    public IReadOnlyList<string> CreateTickets(int count, int first = 1)
    {
        var keys = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            Tickets.Create(new TicketRecord($"T-{i}", "branch-7", "card", "open", "622202******1234", Notes: $"ticket {i}"));
            keys.Add($"ticket:T-{i}:r1");
        }

        return keys;
    }

    /// <summary>Closes the database and opens it again, as after a restart; the outbox repository is replaced.</summary>
    public void Restart()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        Database = Open();
        Outbox = new OutboxRepository(Database);
    }

    public void Dispose()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private ApplianceDatabase Open()
    {
        var database = new ApplianceDatabase(Path.Combine(_directory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, Time);
        database.Migrate();
        return database;
    }
}
