using Appliance.Storage;

namespace Appliance.IntegrationTests.Sip;

/// <summary>The SIP agent hangs up first: the box must BYE the caller, free the agent and record the call as ended by the agent.</summary>
public sealed class SipAgentHangupTests(SipAgentApplianceFixture fixture) : IClassFixture<SipAgentApplianceFixture>
{
    [SippFact]
    public async Task When_the_SIP_agent_hangs_up_the_box_ends_the_callers_leg_and_records_COMPLETEAGENT()
    {
        var call = await SippAgentCall.PrepareAsync(
            fixture, 600, 1400,
            SippAgentFeatureScenarios.HangsUpAfter(SipAgentApplianceFixture.Extension, talkMs: 3000),
            SippAgentFeatureScenarios.CallerUntilTheBoxHangsUp(digitAfterMs: 6000));
        await call.RunAsync();
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
}
