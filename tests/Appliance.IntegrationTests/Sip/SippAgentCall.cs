using System.Globalization;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The set-up the SIP agent call tests share: a SIPp work folder with the caller's and the agent's tone pcaps and the
/// Debian package's RFC 2833 digit, the SIPp agent registered with its password, and the two SIPp runs.
/// </summary>
internal sealed class SippAgentCall
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly SipAgentApplianceFixture _fixture;
    private readonly string _agentPort = Port();

    private SippAgentCall(SipAgentApplianceFixture fixture, string work)
    {
        _fixture = fixture;
        Work = work;
    }

    public string Work { get; }

    /// <summary>Writes the pcaps and the three scenarios, and registers the agent (asserting it succeeded).</summary>
    public static async Task<SippAgentCall> PrepareAsync(SipAgentApplianceFixture fixture, double callerHz, double agentHz, string agentScenario, string callerScenario)
    {
        var work = Directory.CreateTempSubdirectory("sipp-agent-").FullName;
        var pcaps = Directory.CreateDirectory(Path.Combine(work, "pcap")).FullName;
        TonePcap.Write(Path.Combine(pcaps, "caller.pcap"), callerHz, TimeSpan.FromSeconds(30), aLaw: true);
        TonePcap.Write(Path.Combine(pcaps, "agent.pcap"), agentHz, TimeSpan.FromSeconds(30), aLaw: false);
        File.CreateSymbolicLink(Path.Combine(pcaps, "dtmf_2833_1.pcap"), "/usr/share/sip-tester/dtmf_2833_1.pcap");
        File.WriteAllText(Path.Combine(work, "register.xml"), SippScenarios.Register(SipAgentApplianceFixture.Extension, 600, 200));
        File.WriteAllText(Path.Combine(work, "agent.xml"), agentScenario);
        File.WriteAllText(Path.Combine(work, "caller.xml"), callerScenario);

        var call = new SippAgentCall(fixture, work);
        var (registered, output) = await SipPeers.RunSippAsync(
            work, Limit, "-sf", "register.xml", fixture.Target, "-m", "1", "-i", "127.0.0.1", "-p", call._agentPort,
            "-au", SipAgentApplianceFixture.Extension, "-ap", SipAgentApplianceFixture.Password);
        Assert.True(registered == 0, $"REGISTER failed ({registered}):\n{output}\n{fixture.Appliance.Output}");
        return call;
    }

    /// <summary>Runs the agent phone and the caller together; asserts both scenarios completed.</summary>
    public async Task RunAsync()
    {
        var agent = SipPeers.RunSippAsync(Work, Limit, "-sf", "agent.xml", "-m", "1", "-i", "127.0.0.1", "-p", _agentPort, "-mi", "127.0.0.1", "-mp", Port());
        var (called, callerOutput) = await SipPeers.RunSippAsync(
            Work, Limit, "-sf", "caller.xml", _fixture.Target, "-s", "branch", "-m", "1", "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", Port(), "-p", Port());
        var (answered, agentOutput) = await agent;
        Assert.True(answered == 0, $"agent failed ({answered}):\n{agentOutput}\n{_fixture.Appliance.Output}");
        Assert.True(called == 0, $"caller failed ({called}):\n{callerOutput}\n{_fixture.Appliance.Output}");
    }

    /// <summary>A port of its own for each SIPp socket, so parallel SIPp runs never share one.</summary>
    private static string Port() => SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);
}
