using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.IntegrationTests.Sync;
using Appliance.Storage;
using Npgsql;

namespace Appliance.IntegrationTests.SelfService;

/// <summary>
/// Self-service through the real process: a caller on an analog line of the simulated exchange keys a demo-seed card
/// number and PIN, hears the balance, reports the card lost; the simulated core bank shows the card blocked, and the
/// verify, balance and card-block transactions reach head office's PostgreSQL with the numbers masked.
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
            { "type": "balance", "id": "balance", "next": "loss", "onFailure": "agent" },
            { "type": "cardLoss", "id": "loss", "next": "bye", "declined": "bye", "onFailure": "agent" },
            { "type": "hangup", "id": "bye", "prompt": "goodbye" },
            { "type": "queue", "id": "agent", "queue": "general" }
          ]
        }
        """;

    [Fact]
    public async Task A_caller_verifies_hears_the_balance_and_blocks_the_card_and_the_masked_records_reach_head_office()
    {
        const string branch = "branch-selfservice";
        using var box = new SyncedBox(branch, await headOffice.EnrolAsync(branch), headOffice.Address);
        await using var appliance = await box.StartAsync("--set", "Banking:SimulatedLatencyMilliseconds=50");
        await ImportBankMenuAsync(box.DataDirectory);

        // Card number, #, PIN; the 1 confirming the block waits in the line's digit buffer until the card-loss node asks.
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync(
            "sim", "call", "--data", box.DataDirectory, "--line", "1", "--from", "13800138000", "--digits", Card + "#" + Pin + ",,,,1", "--timeout", "60");
        Assert.True(exitCode == 0, stdout + stderr + appliance.Output);
        var call = SimCallResultJson.Parse(stdout);
        Assert.Equal("ended-in-menu", call.Outcome);

        // What the caller heard, in order, from the call's events; every prompt had a recording.
        var events = box.Query(
            $"SELECT kind, coalesce(data, '{{}}') FROM events WHERE call_id = '{call.CallId}' ORDER BY seq", r => (Kind: r.GetString(0), Data: JsonNode.Parse(r.GetString(1))!));
        var said = events.Where(e => e.Kind == "SELF_SERVICE_SAID").Select(e => (Node: (string)e.Data["node"]!, Prompts: (string)e.Data["prompts"]!)).ToList();
        Assert.Equal(2, said.Count);
        Assert.Equal(("balance", "ss-balance-is num-12 num-thousand num-3 num-hundred num-40 num-5 cur-cny num-50 cur-cny-fen"), said[0]);
        var block = events.Single(e => e.Kind == "SELF_SERVICE" && (string?)e.Data["operation"] == "card-block").Data;
        Assert.Equal("completed", (string?)block["outcome"]);
        var reference = (string)block["reference"]!;
        Assert.Equal(("loss", "ss-card-blocked ss-reference-is " + string.Join(' ', reference.Select(d => "num-" + d))), said[1]);
        Assert.DoesNotContain(events, e => e.Kind == "PROMPT_MISSING");
        Assert.Equal(
            ["verify", "balance", "card-block"],
            events.Where(e => e.Kind == "SELF_SERVICE").Select(e => (string)e.Data["operation"]!));

        // The simulated core bank holds the card blocked with the reference the caller heard.
        var (showExit, shown, showError) = await ApplianceProcess.RunVerbAsync("bank", "show", Card, "--data", box.DataDirectory);
        Assert.True(showExit == 0, shown + showError);
        Assert.Contains($"card {AccountMasking.Mask(Card)} Lost ref {reference}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, shown, StringComparison.Ordinal);

        // Head office receives the three transactions, masked, and no full number or PIN anywhere in a row.
        List<JsonElement> rows = [];
        await SyncWaits.UntilAsync(
            async () => (rows = await TransactionRowsAsync(branch)).Count >= 3,
            TimeSpan.FromSeconds(30),
            () => $"{rows.Count} transactions at head office\n{appliance.Output}");
        Assert.Equal(3, rows.Count);
        var byType = rows.ToDictionary(r => r.GetProperty("type").GetString()!);
        Assert.Equal(["balance-enquiry", "card-block", "verify"], byType.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(call.CallId, r.GetProperty("call_id").GetString()));
        Assert.Equal(("verified", AccountMasking.Mask(Account)), Row(byType["verify"]));
        Assert.Equal(("completed", AccountMasking.Mask(Account)), Row(byType["balance-enquiry"]));
        Assert.Equal((1_234_550L, "CNY"), (byType["balance-enquiry"].GetProperty("amount_minor_units").GetInt64(), byType["balance-enquiry"].GetProperty("currency").GetString()));
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
