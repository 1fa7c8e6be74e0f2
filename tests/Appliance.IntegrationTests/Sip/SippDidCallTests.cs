using System.Globalization;

namespace Appliance.IntegrationTests.Sip;

/// <summary>SIPp calling the running appliance through the demo trunk: the dialled number (DID) picks the entry point, else the trunk does.</summary>
public sealed class SippDidCallTests(SipDidApplianceFixture fixture) : IClassFixture<SipDidApplianceFixture>
{
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(60);

    [SippFact]
    public async Task A_trunk_call_to_the_DID_enters_its_entry_point_and_one_to_another_number_the_trunk_s()
    {
        await CallAsync("95566");
        Assert.True(await fixture.OutputHasAsync("enters at entry point cards-hotline (dialled 95566, trunk demo"), fixture.Appliance.Output);

        await CallAsync("branch");
        Assert.True(await fixture.OutputHasAsync("enters at entry point trunk-calls (dialled branch, trunk demo"), fixture.Appliance.Output);
    }

    [Fact]
    public async Task An_entry_point_naming_a_trunk_the_box_does_not_have_is_refused_and_nothing_changes()
    {
        var (_, document, _) = await ApplianceProcess.RunVerbAsync("config", "export", "--data", fixture.DataDirectory);
        var configuration = System.Text.Json.Nodes.JsonNode.Parse(document)!;
        configuration["entryPoints"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "nowhere-calls", ["trunks"] = new System.Text.Json.Nodes.JsonArray("nowhere"), ["menu"] = "main",
        });
        var path = Path.Combine(Directory.CreateTempSubdirectory("did-import-").FullName, "configuration.json");
        await File.WriteAllTextAsync(path, configuration.ToJsonString());

        var (exitCode, _, errors) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", fixture.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("entryPoints[nowhere-calls].trunks: no SIP trunk is called 'nowhere'", errors, StringComparison.Ordinal);
        var (_, after, _) = await ApplianceProcess.RunVerbAsync("config", "export", "--data", fixture.DataDirectory);
        Assert.Equal(document, after);
    }

    private async Task CallAsync(string dialled)
    {
        var workDirectory = Directory.CreateTempSubdirectory("sipp-did-").FullName;
        var (exitCode, output) = await SipPeers.RunSippAsync(
            workDirectory, SippLimit, "-sn", "uac", fixture.Target, "-s", dialled, "-m", "1", "-i", "127.0.0.1", "-p", SipPeers.FreePort().ToString(CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"SIPp exited {exitCode}:\n{output}\nappliance:\n{fixture.Appliance.Output}");
    }
}
