using System.Globalization;
using Appliance.Storage;

namespace Appliance.IntegrationTests.Sip;

/// <summary>The SIP agent hangs up first: the box must BYE the caller, free the agent and record the call as ended by the agent.</summary>
public sealed class SipAgentHangupTests(SipAgentApplianceFixture fixture) : IClassFixture<SipAgentApplianceFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [SippFact]
    public async Task When_the_SIP_agent_hangs_up_the_box_ends_the_callers_leg_and_records_COMPLETEAGENT()
    {
        var work = Directory.CreateTempSubdirectory("sipp-agent-bye-").FullName;
        var pcaps = Directory.CreateDirectory(Path.Combine(work, "pcap")).FullName;
        TonePcap.Write(Path.Combine(pcaps, "caller.pcap"), 600, TimeSpan.FromSeconds(20), aLaw: true);
        TonePcap.Write(Path.Combine(pcaps, "agent.pcap"), 1400, TimeSpan.FromSeconds(20), aLaw: false);
        File.CreateSymbolicLink(Path.Combine(pcaps, "dtmf_2833_1.pcap"), "/usr/share/sip-tester/dtmf_2833_1.pcap");
        var port = SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(work, "register.xml"), SippScenarios.Register(SipAgentApplianceFixture.Extension, 600, 200));
        File.WriteAllText(Path.Combine(work, "agent.xml"), SippAgentFeatureScenarios.HangsUpAfter(SipAgentApplianceFixture.Extension, talkMs: 3000));
        File.WriteAllText(Path.Combine(work, "caller.xml"), SippAgentFeatureScenarios.CallerUntilTheBoxHangsUp(digitAfterMs: 6000));

        var (registered, registerOutput) = await SipPeers.RunSippAsync(
            work, Limit, "-sf", "register.xml", fixture.Target, "-m", "1", "-i", "127.0.0.1", "-p", port,
            "-au", SipAgentApplianceFixture.Extension, "-ap", SipAgentApplianceFixture.Password);
        Assert.True(registered == 0, $"REGISTER failed ({registered}):\n{registerOutput}");

        var agent = SipPeers.RunSippAsync(work, Limit, "-sf", "agent.xml", "-m", "1", "-i", "127.0.0.1", "-p", port, "-mi", "127.0.0.1", "-mp", MediaPort());
        var (called, callerOutput) = await SipPeers.RunSippAsync(
            work, Limit, "-sf", "caller.xml", fixture.Target, "-s", "branch", "-m", "1", "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", MediaPort(),
            "-p", SipPeers.FreePort().ToString(CultureInfo.InvariantCulture));
        var (answered, agentOutput) = await agent;

        Assert.True(answered == 0, $"agent failed ({answered}):\n{agentOutput}\n{fixture.Appliance.Output}");
        Assert.True(called == 0, $"caller never got the box's BYE ({called}):\n{callerOutput}\n{fixture.Appliance.Output}");
        Assert.True(await fixture.OutputHasAsync("ended: answered-by-agent"), fixture.Appliance.Output);

        using var database = fixture.OpenDatabase();
        var record = new CallRecordRepository(database).List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)).Single();
        Assert.Equal("answered-by-agent", record.Outcome);
        Assert.Equal(SipAgentApplianceFixture.Extension, record.Agent);
        var kinds = new EventLogRepository(database).ReadByCall(record.Id).Select(e => e.Kind).ToList();
        Assert.Contains("COMPLETEAGENT", kinds);
        Assert.DoesNotContain("COMPLETECALLER", kinds);
        Assert.Equal("CALL_END", kinds[^1]);

        var (_, status, _) = await ApplianceProcess.RunVerbAsync("status", "--data", fixture.DataDirectory);
        using var json = System.Text.Json.JsonDocument.Parse(status);
        Assert.Equal(0, json.RootElement.GetProperty("sections").GetProperty("sip").GetProperty("calls").GetInt32());
    }

    private static string MediaPort() => SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);
}
