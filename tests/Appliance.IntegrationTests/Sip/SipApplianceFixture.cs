using System.Text.Json.Nodes;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The real appliance with SIP on a free port of 127.0.0.1 (demo data: the trunk from 127.0.0.1, simulated agents).
/// Subclasses may change the stored configuration between a first start (which seeds the demo data) and the real one.
/// </summary>
public class SipApplianceFixture : IAsyncLifetime
{
    internal ApplianceProcess Appliance { get; private set; } = null!;

    internal int SipPort { get; } = SipPeers.FreePort();

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "appliance-sip-" + Guid.NewGuid().ToString("N"));

    internal string Target => $"127.0.0.1:{SipPort}";

    public async Task InitializeAsync()
    {
        var rtpBase = 30_000 + (SipPort % 1000 * 20);
        string[] arguments =
        [
            "--set", "Sip:Transport:ListenAddress=127.0.0.1",
            "--set", $"Sip:Transport:Port={SipPort}",
            "--set", "Sip:Media:BindAddress=127.0.0.1",
            "--set", $"Sip:Media:RtpPortMin={rtpBase}",
            "--set", $"Sip:Media:RtpPortMax={rtpBase + 2000}",
            .. ExtraArguments,
        ];
        if (NeedsConfiguration)
        {
            await using (var seeding = await ApplianceProcess.StartAsync(DataDirectory, arguments))
            {
                await EditConfigurationAsync();
            }

            Configure();
        }

        Appliance = await ApplianceProcess.StartAsync(DataDirectory, arguments);
    }

    /// <summary>More `--set` arguments.</summary>
    protected virtual string[] ExtraArguments => [];

    /// <summary>Whether <see cref="Configure"/> must run on the seeded database before the real start.</summary>
    protected virtual bool NeedsConfiguration => false;

    /// <summary>Changes the call center's configuration document, as a technician would with `config export|import`.</summary>
    protected virtual void Edit(JsonNode configuration)
    {
    }

    /// <summary>Changes what the document does not hold, such as SIP credentials (the appliance is stopped meanwhile).</summary>
    protected virtual void Configure()
    {
    }

    /// <summary>The document's agent with <paramref name="id"/>, or a new one added to it.</summary>
    protected static JsonNode Agent(JsonNode configuration, string id)
    {
        var agents = configuration["agents"]!.AsArray();
        if (agents.FirstOrDefault(a => (string?)a!["id"] == id) is { } existing)
        {
            return existing;
        }

        var added = new JsonObject { ["id"] = id, ["name"] = id, ["extension"] = id };
        agents.Add(added);
        return added;
    }

    /// <summary>Sets the members of the demo queue "general", penalties in the order given.</summary>
    protected static void GeneralQueueMembers(JsonNode configuration, params string[] agents)
    {
        var general = configuration["queues"]!.AsArray().Single(q => (string?)q!["name"] == "general")!;
        general["members"] = new JsonArray([.. agents.Select((a, i) => (JsonNode)new JsonObject { ["agent"] = a, ["penalty"] = i })]);
    }

    private async Task EditConfigurationAsync()
    {
        var (exported, document, failure) = await ApplianceProcess.RunVerbAsync("config", "export", "--data", DataDirectory);
        if (exported != 0)
        {
            throw new InvalidOperationException($"config export failed ({exported}): {failure}");
        }

        var configuration = JsonNode.Parse(document)!;
        Edit(configuration);
        var path = Path.Combine(DataDirectory, "fixture-configuration.json");
        await File.WriteAllTextAsync(path, configuration.ToJsonString());
        var (imported, stdout, stderr) = await ApplianceProcess.RunVerbAsync("config", "import", path, "--data", DataDirectory);
        if (imported != 0)
        {
            throw new InvalidOperationException($"config import failed ({imported}): {stdout}{stderr}");
        }
    }

    public virtual async Task DisposeAsync()
    {
        await Appliance.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Waits (bounded) until the appliance's output has <paramref name="count"/> lines containing <paramref name="text"/>.</summary>
    internal async Task<bool> OutputHasAsync(string text, int count = 1, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Appliance.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal)) >= count)
            {
                return true;
            }

            // Polls the child process's log output, which another process writes: no timer of ours is involved.
            await Task.Delay(100);
        }

        return false;
    }
}
