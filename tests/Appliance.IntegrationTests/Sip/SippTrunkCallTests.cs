namespace Appliance.IntegrationTests.Sip;

/// <summary>SIPp's built-in scenarios calling the running appliance through the demo trunk (127.0.0.1).</summary>
public sealed class SippTrunkCallTests(SipApplianceFixture fixture) : IClassFixture<SipApplianceFixture>
{
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(60);

    [SippFact]
    public async Task SIPp_uac_places_five_calls_through_the_trunk_and_each_is_answered_and_hung_up()
    {
        var workDirectory = Directory.CreateTempSubdirectory("sipp-uac-").FullName;
        var (exitCode, output) = await SipPeers.RunSippAsync(
            workDirectory, SippLimit, "-sn", "uac", fixture.Target, "-s", "branch", "-m", "5", "-r", "5", "-i", "127.0.0.1", "-p", SipPeers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, $"SIPp exited {exitCode}:\n{output}\nappliance:\n{fixture.Appliance.Output}");
        Assert.True(await fixture.OutputHasAsync("from trunk demo", 5), fixture.Appliance.Output);
        Assert.True(await fixture.OutputHasAsync("down: Remote by peer", 5), fixture.Appliance.Output);
    }

    [SippFact]
    public async Task SIPp_uac_pcap_presses_1_with_RFC_2833_and_the_caller_reaches_the_queue()
    {
        var workDirectory = Directory.CreateTempSubdirectory("sipp-pcap-").FullName;
        var pcaps = Directory.CreateDirectory(Path.Combine(workDirectory, "pcap")).FullName;
        foreach (var pcap in new[] { "g711a.pcap", "dtmf_2833_1.pcap" })
        {
            var shipped = FindShippedPcap(pcap);
            Assert.True(shipped is not null, $"{pcap} is not where the sip-tester package puts it.");
            File.CreateSymbolicLink(Path.Combine(pcaps, pcap), shipped);
        }

        var before = fixture.Appliance.Output.Split('\n').Count(l => l.Contains("ended: abandoned", StringComparison.Ordinal));
        var (exitCode, output) = await SipPeers.RunSippAsync(
            workDirectory, SippLimit, "-sn", "uac_pcap", fixture.Target, "-s", "branch", "-m", "1", "-i", "127.0.0.1", "-p", SipPeers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", SipPeers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, $"SIPp exited {exitCode}:\n{output}\nappliance:\n{fixture.Appliance.Output}");

        // Key 1 of the demo menu queues the caller; SIPp hangs up a second later, before an agent answers: "abandoned" in the queue.
        Assert.True(await fixture.OutputHasAsync("ended: abandoned", before + 1), fixture.Appliance.Output);
    }

    private static string? FindShippedPcap(string name) =>
        new[] { "/usr/share/sip-tester", "/usr/share/doc/sip-tester/examples", "/usr/share/doc/sip-tester/examples/pcap" }
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
