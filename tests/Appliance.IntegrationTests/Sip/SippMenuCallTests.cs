using System.Globalization;
using System.Text.Json;
using Appliance.Storage;

namespace Appliance.IntegrationTests.Sip;

/// <summary>A SIPp caller walks the imported two-level menu in Mandarin with RFC 2833 keys and reaches the skilled agent.</summary>
public sealed class SippMenuCallTests(SipMenuApplianceFixture fixture) : IClassFixture<SipMenuApplianceFixture>
{
    [SippFact]
    public async Task A_SIPp_caller_chooses_Mandarin_walks_two_levels_by_RFC_2833_and_reaches_the_card_expert()
    {
        var work = Directory.CreateTempSubdirectory("sipp-menu-").FullName;
        var pcaps = Directory.CreateDirectory(Path.Combine(work, "pcap")).FullName;
        TonePcap.Write(Path.Combine(pcaps, "caller.pcap"), 600, TimeSpan.FromSeconds(30), aLaw: true);
        for (var press = 0; press < 3; press++)
        {
            TonePcap.WriteDigit(Path.Combine(pcaps, $"key1-{press}.pcap"), 1, (uint)(100_000 * (press + 1)), (ushort)(1_000 * (press + 1)));
        }

        File.WriteAllText(Path.Combine(work, "caller.xml"), SippScenarios.CallerPressing([(1500, "key1-0.pcap"), (1500, "key1-1.pcap"), (1500, "key1-2.pcap")], 8000));
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (exitCode, output) = await SipPeers.RunSippAsync(
            work, TimeSpan.FromSeconds(90), "-sf", "caller.xml", fixture.Target, "-s", "95588", "-m", "1", "-i", "127.0.0.1",
            "-mi", "127.0.0.1", "-mp", Port(), "-p", Port());

        Assert.True(exitCode == 0, $"SIPp exited {exitCode}:\n{output}\nappliance:\n{fixture.Appliance.Output}");
        using var database = fixture.OpenDatabase();
        var answered = await fixture.OutputHasAsync("ended: answered-by-agent");
        var call = new CallRecordRepository(database).List(started, DateTimeOffset.UtcNow.AddMinutes(1)).Single();
        var events = new EventLogRepository(database).ReadByCall(call.Id);
        Assert.True(answered, string.Join('\n', events.Select(e => $"{e.Kind} {e.Data}")) + "\n" + fixture.Appliance.Output);
        Assert.Equal(("cards", "1001", "answered-by-agent"), (call.Queue, call.Agent, call.Outcome));
        Assert.Equal("zh", Field(events.Single(e => e.Kind == "IVR_LANGUAGE"), "language"));
        Assert.Equal(["root", "cards"], events.Where(e => e.Kind == "IVR_DIGIT").Select(e => Field(e, "node")));
    }

    private static string? Field(CallEventRecord record, string name) =>
        JsonDocument.Parse(record.Data!).RootElement.GetProperty(name).GetString();

    private static string Port() => SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);
}
