using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.IntegrationTests.Sync;
using Appliance.Storage;
using Npgsql;

namespace Appliance.IntegrationTests.SelfService;

/// <summary>
/// Self-service through the real process: a caller on an analog line of the simulated exchange keys a demo-seed card
/// number and PIN, hears the balance and a bill's payment, reports the card lost; the simulated core bank shows the card
/// blocked, and the verify, balance, bill-status and card-block transactions reach head office's PostgreSQL masked.
/// </summary>
[Collection(HeadOfficeCollection.Name)]
public sealed class SelfServiceEndToEndTests(HeadOfficeSite headOffice)
{
    // The demo seed's first customer (firmware/Appliance.Host/Banking/demo-seed.json): 12,345.50 CNY available.
    private const string Card = "6222021234567890";
    private const string Account = "6222020200112345678";
    private const string Pin = "135790";

    private const string BankMenu = """
        {
          "name": "bank",
          "start": "identify",
          "nodes": [
            { "type": "identify", "id": "identify", "next": "balance", "onFailure": "agent" },
            { "type": "balance", "id": "balance", "next": "bill", "onFailure": "agent" },
            { "type": "billStatus", "id": "bill", "next": "loss", "onFailure": "agent" },
            { "type": "cardLoss", "id": "loss", "next": "bye", "declined": "bye", "onFailure": "agent" },
            { "type": "hangup", "id": "bye", "prompt": "goodbye" },
            { "type": "queue", "id": "agent", "queue": "general" }
          ]
        }
        """;

    [Fact]
    public async Task A_caller_verifies_hears_the_balance_and_a_bill_blocks_the_card_and_the_masked_records_reach_head_office()
    {
        const string branch = "branch-selfservice";
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
        await using var appliance = await box.StartAsync("--set", "Banking:SimulatedLatencyMilliseconds=50");
        await ImportBankMenuAsync(box.DataDirectory);

        // Card number, #, PIN, the bill's reference, #; the 1 confirming the block waits in the line's digit buffer until
        // the card-loss node asks.
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", box.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", Card + "#" + Pin + ",,,,880012#,,1", "--timeout", "60");
        Assert.True(exitCode == 0, stdout + stderr + appliance.Output);
        var call = SimCallResultJson.Parse(stdout);
        Assert.Equal("ended-in-menu", call.Outcome);

        // What the caller heard, in order, from the call's events; every prompt had a recording.
        var events = box.Query(
            $"SELECT kind, coalesce(data, '{{}}') FROM events WHERE call_id = '{call.CallId}' ORDER BY seq", r => (Kind: r.GetString(0), Data: JsonNode.Parse(r.GetString(1))!));
        var said = events.Where(e => e.Kind == "SELF_SERVICE_SAID").Select(e => (Node: (string)e.Data["node"]!, Prompts: (string)e.Data["prompts"]!)).ToList();
        Assert.Equal(3, said.Count);
        Assert.Equal(("balance", "ss-balance-is num-12 num-thousand num-3 num-hundred num-40 num-5 cur-cny num-50 cur-cny-fen"), said[0]);

        // Bill 880012: 120.00 CNY paid 2026-12-01 19:00 UTC, the demo branch's time zone.
        Assert.Equal(("bill", "ss-bill-paid ss-bill-amount num-1 num-hundred num-20 cur-cny ss-bill-paid-on month-12 day-1"), said[1]);
        var block = events.Single(e => e.Kind == "SELF_SERVICE" && (string?)e.Data["operation"] == "card-block").Data;
        Assert.Equal("completed", (string?)block["outcome"]);
        var reference = (string)block["reference"]!;
        Assert.Equal(("loss", "ss-card-blocked ss-reference-is " + string.Join(' ', reference.Select(d => "num-" + d))), said[2]);
        Assert.DoesNotContain(events, e => e.Kind == "PROMPT_MISSING");
        Assert.Equal(
            ["verify", "balance", "bill-status", "card-block"],
            events.Where(e => e.Kind == "SELF_SERVICE").Select(e => (string)e.Data["operation"]!));

        // The simulated core bank holds the card blocked with the reference the caller heard.
        var (showExit, shown, showError) = await ApplianceProcess.RunVerbAsync("bank", "show", Card, "--data", box.DataDirectory);
        Assert.True(showExit == 0, shown + showError);
        Assert.Contains($"card {AccountMasking.Mask(Card)} Lost ref {reference}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, shown, StringComparison.Ordinal);

        // Head office receives the four transactions, masked, and no full number or PIN anywhere in a row.
        List<JsonElement> rows = [];
        await SyncWaits.UntilAsync(
            async () => (rows = await TransactionRowsAsync(branch)).Count >= 4,
            TimeSpan.FromSeconds(30),
            () => $"{rows.Count} transactions at head office\n{appliance.Output}");
        Assert.Equal(4, rows.Count);
        var byType = rows.ToDictionary(r => r.GetProperty("type").GetString()!);
        Assert.Equal(["balance-enquiry", "bill-status", "card-block", "verify"], byType.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(call.CallId, r.GetProperty("call_id").GetString()));
        Assert.Equal(("verified", AccountMasking.Mask(Account)), Row(byType["verify"]));
        Assert.Equal(("completed", AccountMasking.Mask(Account)), Row(byType["balance-enquiry"]));
        Assert.Equal((1_234_550L, "CNY"), (byType["balance-enquiry"].GetProperty("amount_minor_units").GetInt64(), byType["balance-enquiry"].GetProperty("currency").GetString()));
        Assert.Equal(("paid", AccountMasking.Mask(Account)), Row(byType["bill-status"]));
        Assert.Equal((12_000L, "bill 880012"), (byType["bill-status"].GetProperty("amount_minor_units").GetInt64(), byType["bill-status"].GetProperty("notes").GetString()));
        Assert.Equal(("completed", AccountMasking.Mask(Card)), Row(byType["card-block"]));
        Assert.Equal("reference " + reference, byType["card-block"].GetProperty("notes").GetString());
        foreach (var row in rows.Select(r => r.GetRawText()))
        {
            Assert.DoesNotContain(Card, row, StringComparison.Ordinal);
            Assert.DoesNotContain(Account, row, StringComparison.Ordinal);
            Assert.DoesNotContain(Pin, row, StringComparison.Ordinal);
        }
    }

    private static (string? Status, string? Masked) Row(JsonElement row) =>
        (row.GetProperty("status").GetString(), row.GetProperty("masked_account").GetString());

    // The demo configuration with every line entering the bank menu.
    private static async Task ImportBankMenuAsync(string data)
    {
        var (exportExit, exported, exportError) = await ApplianceProcess.RunVerbAsync("config", "export", "--data", data);
        Assert.True(exportExit == 0, exported + exportError);
        var document = JsonNode.Parse(exported)!;
        document["menus"]!.AsArray().Add(JsonNode.Parse(BankMenu));
        document["entryPoints"]![0]!["menu"] = "bank";
        var path = Path.Combine(data, "bank-menu.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        var (importExit, imported, importError) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", data);
        Assert.True(importExit == 0, imported + importError);
    }

    // Whole rows as JSON, so a full number in any column would show.
    private async Task<List<JsonElement>> TransactionRowsAsync(string branch)
    {
        await using var connection = new NpgsqlConnection(headOffice.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(t)::text FROM transactions t WHERE branch_id = $1", connection)
        {
            Parameters = { new() { Value = branch } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<JsonElement>();
        while (await reader.ReadAsync())
        {
            rows.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return rows;
    }
}
