using System.Text;
using System.Text.Json;
using Appliance.Core.Journal;
using Appliance.Core.Persistence;
using Appliance.Core.Recording;
using Appliance.Core.Tests.SelfServiceNodes;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Core.Tests.Pci;

/// <summary>
/// A caller identifies with a known card number and PIN (keyed in-band, recorded from answer), talks to an agent and hangs
/// up; the call is then stored the way the box stores it (events and call record through <see cref="StoredCallRecordStore"/>
/// with the head-office encoder, the transaction through <see cref="BackgroundTransactionStore"/>) and its recording
/// exported. Neither the card number, nor the PIN, nor the card's hidden middle digits appear in any event, log line
/// (every component's, captured), outbox payload (raw bytes and decoded), stored event, or exported metadata.
/// </summary>
[Collection(SelfServiceCollection.Name)]
public sealed class PciDigitLeakTests : IDisposable
{
    private const string Branch = "branch-7";

    // The card's digits that its masked form (622202******7890) hides.
    private static readonly string HiddenDigits = FakeCoreBank.Card[6..^4];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pci-leak-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Card_number_and_pin_reach_no_event_log_line_outbox_payload_or_export()
    {
        using var scenario = new PciScenario();
        var detail = PciPauseRecordingTests.RunIdentifiedCall(scenario);
        var verify = Assert.Single(scenario.Transactions.All);
        Assert.Equal(("verify", "verified"), (verify.Type, verify.Outcome));

        System.IO.Directory.CreateDirectory(_folder);
        using var database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), scenario.Logs.CreateLogger<ApplianceDatabase>(), TimeProvider.System);
        database.Migrate();
        var encoder = new ProtobufOutboxPayloadEncoder();
        var calls = new StoredCallRecordStore(database, encoder, scenario.Logs.CreateLogger<StoredCallRecordStore>());
        calls.AppendEvents(scenario.Harness.Journal.Events);
        calls.SaveCall(detail);
        await using (var transactions = new BackgroundTransactionStore(new TransactionRepository(database, encoder), Branch, scenario.Logs.CreateLogger<BackgroundTransactionStore>()))
        {
            transactions.Record(verify);
        }

        var outbox = new OutboxRepository(database).ReadOldest(100);
        Assert.Equal([OutboxKinds.CallSummary, OutboxKinds.Transaction], outbox.Select(e => e.Kind).Order(StringComparer.Ordinal));
        var decoded = outbox.Select(Decode).ToList();
        Assert.Contains(decoded, d => d.Contains("622202******7890", StringComparison.Ordinal)); // the masked account does go
        var export = new RecordingExporter(database).Export(detail.CallId, Path.Combine(_folder, "export"));
        var metadata = File.ReadAllText(export.Files[^1]);
        Assert.Contains("pciPauses", metadata, StringComparison.Ordinal);
        var storedEvents = new EventLogRepository(database).ReadByCall(detail.CallId);
        Assert.Contains(storedEvents, e => e.Kind == CallEventKinds.PciPauseStart);

        var places = new Dictionary<string, IEnumerable<string>>
        {
            ["the call's events"] = scenario.Harness.Journal.Events.Select(e => $"{e.Kind} {e.Queue} {e.Agent} {e.Data}"),
            ["the log"] = scenario.Logs.Lines,
            ["the transaction"] = [verify.ToString()],
            ["the outbox payloads' bytes"] = outbox.Select(e => Encoding.Latin1.GetString(e.Payload) + " " + e.IdempotencyKey),
            ["the outbox payloads decoded"] = decoded,
            ["the stored events"] = storedEvents.Select(e => $"{e.Kind} {e.Data}"),
            ["the exported metadata"] = [metadata],
        };
        Assert.NotEmpty(scenario.Logs.Lines);
        foreach (var (place, texts) in places)
        {
            foreach (var text in texts)
            {
                foreach (var secret in new[] { FakeCoreBank.Card, FakeCoreBank.Pin, HiddenDigits })
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{place} holds {secret.Length} sensitive digits: {text}");
                }
            }
        }

        // No event written during a pause names a key or digits.
        var paused = false;
        foreach (var e in scenario.Harness.Journal.Events.Where(e => e.CallId == detail.CallId))
        {
            paused = e.Kind == CallEventKinds.PciPauseStart || (paused && e.Kind != CallEventKinds.PciPauseEnd);
            if (paused && e.Data is { } data)
            {
                using var json = JsonDocument.Parse(data);
                foreach (var name in new[] { "digits", "key", "digit" })
                {
                    Assert.True(!json.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null, $"{e.Kind} names {name}: {data}");
                }
            }
        }
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

    private static string Decode(OutboxEntry entry)
    {
        IMessage message = entry.Kind switch
        {
            OutboxKinds.Transaction => Wire.TransactionRecord.Parser.ParseFrom(entry.Payload),
            OutboxKinds.CallSummary => Wire.CallSummaryRecord.Parser.ParseFrom(entry.Payload),
            _ => throw new InvalidOperationException("unexpected outbox kind " + entry.Kind),
        };
        return JsonFormatter.Default.Format(message);
    }
}
