using System.Text.Json.Nodes;

namespace Appliance.IntegrationTests;

/// <summary>
/// `appliance config export|import` against the running appliance: a technician keeps the branch's set-up in a file,
/// edits it and loads it; the next call follows it without a restart; a bad document changes nothing.
/// </summary>
public sealed class ConfigurationImportTests(ApplianceFixture fixture) : IClassFixture<ApplianceFixture>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("appliance-config-").FullName;

    [Fact]
    public async Task An_exported_document_edited_and_imported_is_in_force_for_the_next_call_and_exports_back_exactly()
    {
        var exported = await ExportAsync();
        var document = JsonNode.Parse(exported)!;
        var keys = document["menus"]![0]!["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "menu")!["keys"]!.AsArray();
        keys.Single(k => (string?)k!["key"] == "1")!["next"] = "goodbye"; // key 1 now says goodbye instead of queueing
        var edited = document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(_files, "edited.json");
        await File.WriteAllTextAsync(path, edited);

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", fixture.DataDirectory);
        var call = await fixture.SimCallAsync("--line", "2", "--from", "13900139000", "--digits", "1", "--hangup-after", "20");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Matches("configuration version [0-9]+ in force", stdout);
        Assert.Equal("ended-in-menu", call.Outcome);
        Assert.Null(call.Queue);
        var reexported = await ExportAsync();
        Assert.Equal(JsonNode.Parse(edited)!.ToJsonString(), JsonNode.Parse(reexported)!.ToJsonString());
        await File.WriteAllTextAsync(path, reexported);
        var (_, again, _) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", fixture.DataDirectory);
        Assert.StartsWith("unchanged", again, StringComparison.Ordinal);
        Assert.Equal(reexported, await ExportAsync());
    }

    [Fact]
    public async Task An_import_with_three_errors_names_all_three_and_changes_nothing()
    {
        var before = await ExportAsync();
        var document = JsonNode.Parse(before)!;
        document["branch"]!["timeZone"] = "Mars/Olympus_Mons";
        document["queues"]![0]!["strategy"] = "fastest-finger";
        document["calendars"]!.AsArray().Add(JsonNode.Parse("""{ "name": "branch", "holidays": [ { "date": "2026-02-30" } ] }"""));
        var path = Path.Combine(_files, "broken.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", fixture.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("branch.timeZone: 'Mars/Olympus_Mons'", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("queues[general].strategy: 'fastest-finger'", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("calendars[branch].holidays[2026-02-30].date", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("nothing changed", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_its_line()
    {
        var path = Path.Combine(_files, "garbage.json");
        await File.WriteAllTextAsync(path, "{\n  \"queues\": [ oops ]\n}");

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", fixture.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("line 2", stdout + stderr, StringComparison.Ordinal);
        Assert.False(fixture.Appliance.HasExited);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);

    private async Task<string> ExportAsync()
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("config", "export", "--data", fixture.DataDirectory);
        Assert.True(exitCode == 0, stderr);
        return stdout;
    }
}
