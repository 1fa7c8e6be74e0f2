using System.Diagnostics;
using System.Globalization;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Sync.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Benchmarks.Sync.Internal;

/// <summary>
/// One branch box as far as sync goes: a fresh SQLite file in a temp folder (the production settings: WAL,
/// synchronous=FULL), the ticket repository that writes ticket + outbox entry in one transaction, and the real pump
/// pushing to head office through the real gRPC client.
/// </summary>
internal sealed class BenchBox : IAsyncDisposable
{
    private static readonly string MaskedAccount = AccountMasking.Mask("4111111111111111");
    private readonly string _directory;
    private readonly ApplianceDatabase _database;
    private readonly TicketRepository _tickets;
    private readonly string _branchId;
    private readonly GrpcHeadOfficeSyncClient _disposeClient;
    private readonly ILoggerFactory _loggers;

    public BenchBox(string branchId, string branchKey, Uri headOffice, OutboxPumpOptions options)
    {
        _branchId = branchId;
        _directory = Directory.CreateTempSubdirectory("syncbench-box-").FullName;
        _database = new ApplianceDatabase(Path.Combine(_directory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        _database.Migrate();
        var encoder = new ProtobufOutboxPayloadEncoder();
        _tickets = new TicketRepository(_database, encoder);
        Outbox = new OutboxRepository(_database);
        var client = new GrpcHeadOfficeSyncClient(
            GrpcChannelFactory.Create(headOffice), new GrpcClientOptions(), branchId, branchKey, TimeSpan.FromSeconds(options.PushTimeoutSeconds));
        Client = new AckTimingSyncClient(client);
        _disposeClient = client;
        // Warnings (failed pushes, busy database) are printed: they explain resends and latency outliers.
        _loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        Pump = new OutboxPump(Outbox, Client, Options.Create(options), TimeProvider.System, _loggers.CreateLogger<OutboxPump>());
    }

    public OutboxRepository Outbox { get; }

    /// <summary>The box's database (the report service reads it).</summary>
    public ApplianceDatabase Database => _database;

    public AckTimingSyncClient Client { get; }

    public OutboxPump Pump { get; }

    public static string TicketId(int index) => string.Create(CultureInfo.InvariantCulture, $"T{index:D7}");

    /// <summary>Creates tickets [0, count) one transaction each; returns each one's commit time as a Stopwatch timestamp.</summary>
    /// <param name="perSecond">Pace of creation; 0 for as fast as the box can commit.</param>
    public long[] CreateTickets(int count, double perSecond = 0)
    {
        var committed = new long[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (perSecond > 0)
            {
                // Pacing a load generator (not waiting for a timer in a test): keep to the schedule i / rate.
                var due = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    Thread.Sleep(due);
                }
            }

            _tickets.Create(new TicketRecord(TicketId(i), _branchId, "card-fee", "open", MaskedAccount,
                new MoneyAmount(12_50, "EUR"), "caller disputes a card fee", "call-" + i.ToString(CultureInfo.InvariantCulture)));
            committed[i] = Stopwatch.GetTimestamp();
        }

        return committed;
    }

    public async ValueTask DisposeAsync()
    {
        await Pump.StopAsync(CancellationToken.None);
        Pump.Dispose();
        _disposeClient.Dispose();
        _loggers.Dispose();
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
