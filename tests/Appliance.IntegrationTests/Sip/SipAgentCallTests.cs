using System.Diagnostics;
using System.Globalization;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// A SIPp agent phone registers with digest and answers; a SIPp caller comes in through the trunk, presses 1 and is
/// bridged to it. Audio both ways is checked in the stereo recording by frequency; the caller's BYE ends both legs.
/// </summary>
public sealed class SipAgentCallTests(SipAgentApplianceFixture fixture) : IClassFixture<SipAgentApplianceFixture>
{
    private const double CallerHz = 600;
    private const double AgentHz = 1400;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [SippFact]
    public async Task A_trunk_caller_reaches_a_registered_SIP_agent_with_audio_both_ways_recorded_and_the_hangup_ends_both_legs()
    {
        var work = Directory.CreateTempSubdirectory("sipp-agent-").FullName;
        PreparePcaps(work);
        var agentPort = SipPeers.FreePort();
        var port = agentPort.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(work, "register.xml"), SippScenarios.Register(SipAgentApplianceFixture.Extension, 600, 200));
        File.WriteAllText(Path.Combine(work, "agent.xml"), SippScenarios.Agent());
        File.WriteAllText(Path.Combine(work, "caller.xml"), SippScenarios.Caller(digitAfterMs: 8000, talkMs: 6000));

        var (registered, registerOutput) = await SipPeers.RunSippAsync(
            work, Limit, "-sf", "register.xml", fixture.Target, "-m", "1", "-i", "127.0.0.1", "-p", port,
            "-au", SipAgentApplianceFixture.Extension, "-ap", SipAgentApplianceFixture.Password);
        Assert.True(registered == 0, $"REGISTER failed ({registered}):\n{registerOutput}\n{fixture.Appliance.Output}");

        var agent = SipPeers.RunSippAsync(work, Limit, "-sf", "agent.xml", "-m", "1", "-i", "127.0.0.1", "-p", port, "-mi", "127.0.0.1", "-mp", MediaPort());
        var (called, callerOutput) = await SipPeers.RunSippAsync(
            work, Limit, "-sf", "caller.xml", fixture.Target, "-s", "branch", "-m", "1", "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", MediaPort(),
            "-p", SipPeers.FreePort().ToString(CultureInfo.InvariantCulture));
        var (answered, agentOutput) = await agent;

        Assert.True(called == 0, $"caller failed ({called}):\n{callerOutput}\n{fixture.Appliance.Output}");
        Assert.True(answered == 0, $"agent failed ({answered}):\n{agentOutput}\n{fixture.Appliance.Output}");
        Assert.True(await fixture.OutputHasAsync("ended: answered-by-agent"), fixture.Appliance.Output);

        using var database = fixture.OpenDatabase();
        var record = new CallRecordRepository(database).List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))
            .Single(r => r.Outcome == "answered-by-agent");
        Assert.Equal(SipAgentApplianceFixture.Extension, record.Agent);
        Assert.Equal("13800138000", record.CallerNumber);
        Assert.Equal("sip", record.ChannelKind);

        var recording = Directory.GetFiles(fixture.DataDirectory, "*.wav", SearchOption.AllDirectories).Single();
        var wav = WavReader.Read(recording);
        Assert.Equal(2, wav.Channels);
        var left = wav.Samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = wav.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(left, 300, 3000, 10), CallerHz - 10, CallerHz + 10);
        Assert.InRange(ToneAnalysis.DominantFrequency(right, 300, 3000, 10), AgentHz - 10, AgentHz + 10);
    }

    /// <summary>A media port base of its own for each SIPp, so parallel SIPp runs never share RTP sockets.</summary>
    private static string MediaPort() => SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);

    private static void PreparePcaps(string work)
    {
        var pcaps = Directory.CreateDirectory(Path.Combine(work, "pcap")).FullName;
        TonePcap.Write(Path.Combine(pcaps, "caller.pcap"), CallerHz, TimeSpan.FromSeconds(20), aLaw: true);
        TonePcap.Write(Path.Combine(pcaps, "agent.pcap"), AgentHz, TimeSpan.FromSeconds(20), aLaw: false);
        File.CreateSymbolicLink(Path.Combine(pcaps, "dtmf_2833_1.pcap"), "/usr/share/sip-tester/dtmf_2833_1.pcap");
    }
}
