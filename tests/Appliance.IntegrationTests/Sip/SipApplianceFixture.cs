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
            await (await ApplianceProcess.StartAsync(DataDirectory, arguments)).DisposeAsync();
            Configure();
        }

        Appliance = await ApplianceProcess.StartAsync(DataDirectory, arguments);
    }

    /// <summary>More `--set` arguments.</summary>
    protected virtual string[] ExtraArguments => [];

    /// <summary>Whether <see cref="Configure"/> must run on the seeded database before the real start.</summary>
    protected virtual bool NeedsConfiguration => false;

    /// <summary>Changes the stored configuration (the appliance is stopped meanwhile).</summary>
    protected virtual void Configure()
    {
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
