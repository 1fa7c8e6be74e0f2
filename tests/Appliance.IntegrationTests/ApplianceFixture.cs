namespace Appliance.IntegrationTests;

/// <summary>One running appliance on a fresh data directory, shared by a test class.</summary>
public sealed class ApplianceFixture : IAsyncLifetime
{
    internal ApplianceProcess Appliance { get; private set; } = null!;

    internal string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "appliance-it-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        // Agents answer after 6 s so a caller can hang up in the queue before anyone answers.
        Appliance = await ApplianceProcess.StartAsync(DataDirectory, "--set", "Demo:AgentAnswerSeconds=6", "--set", "Demo:WrapUpSeconds=0");
    }

    public async Task DisposeAsync()
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

    /// <summary>Runs `appliance sim call` against this appliance and parses its result.</summary>
    internal async Task<SimCallResultJson> SimCallAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync(["sim", "call", "--data", DataDirectory, .. arguments]);
        Assert.True(exitCode == 0, $"sim call exited {exitCode}: {stdout}\n{stderr}\nappliance output:\n{Appliance.Output}");
        return SimCallResultJson.Parse(stdout);
    }
}
