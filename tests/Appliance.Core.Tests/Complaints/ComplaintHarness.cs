using System.Text;
using System.Text.Json;
using Appliance.Core.Complaints;
using Appliance.Core.Tests.Fakes;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Complaints;

/// <summary>A complaint service and chase over a real SQLite file, on the manual clock.</summary>
internal sealed class ComplaintHarness : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "complaints-" + Guid.NewGuid().ToString("N") + ".db");

    public ComplaintHarness()
    {
        Database = new ApplianceDatabase(_path, NullLogger<ApplianceDatabase>.Instance, Time);
        Database.Migrate();
        Repository = new ComplaintTicketRepository(Database, new JsonEncoder());
        Options = Microsoft.Extensions.Options.Options.Create(new ComplaintsOptions
        {
            RepeatWindowDays = 30,
            DefaultDeadlineHours = 72,
            EscalationHours = 24,
            Categories = { ["card-fee"] = new ComplaintCategoryOptions { Department = "cards", DeadlineHours = 48 } },
        });
        Service = new ComplaintService(Repository, Options, Journal, Time, NullLogger<ComplaintService>.Instance, "b01");
        Chase = new ComplaintChase(Repository, Options, Journal, Time, NullLogger<ComplaintChase>.Instance);
    }

    public ManualTimeProvider Time { get; } = new();

    public IOptions<ComplaintsOptions> Options { get; }

    public InMemoryJournal Journal { get; } = new();

    public ApplianceDatabase Database { get; }

    public ComplaintTicketRepository Repository { get; }

    public ComplaintService Service { get; }

    public ComplaintChase Chase { get; }

    public static NewComplaint Complaint(string customer = "13900000001", string category = "card-fee") =>
        new(category, "annual-fee", customer, "Li Wei", "622202******1234", "phone", "charged twice", "call-1", "1001");

    public ComplaintTicketRecord Move(ComplaintTicketRecord ticket, string status, int? satisfaction = null) =>
        Service.Update(new ComplaintChange(ticket.Id, ticket.Revision, "1001", status, Satisfaction: satisfaction));

    public long OutboxCount()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox WHERE kind = 'ticket';";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Chase.Dispose();
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class JsonEncoder : IOutboxPayloadEncoder
    {
        public int PayloadVersion => 1;

        public byte[] Encode(TicketRecord ticket) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ticket));

        public byte[] Encode(TransactionRecord transaction) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(transaction));
    }
}
