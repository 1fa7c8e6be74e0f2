using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// A SIPp agent phone, bridged to a SIPp caller, holds and resumes, then blind-transfers the caller to the demo's
/// simulated agent 1002 with REFER. The call record, the HOLD / UNHOLD / BLINDTRANSFER events and the one stereo
/// recording (the SIP agent's 1400 Hz first, agent 1002's 1600 Hz at the end) show what the box did.
/// </summary>
public sealed class SipAgentHoldAndTransferTests(SipAgentApplianceFixture fixture) : IClassFixture<SipAgentApplianceFixture>
{
    [SippFact]
    public async Task A_SIP_agent_holds_resumes_and_blind_transfers_the_caller_to_another_agent()
    {
        var call = await SippAgentCall.PrepareAsync(
            fixture, 600, 1400,
            SippAgentFeatureScenarios.HoldThenTransfer(SipAgentApplianceFixture.Extension, "1002", talkMs: 2000, holdMs: 2000),
            SippScenarios.Caller(digitAfterMs: 6000, talkMs: 20000));
        await call.RunAsync();
        Assert.True(await fixture.OutputHasAsync("ended: answered-by-agent"), fixture.Appliance.Output);

        using var database = fixture.OpenDatabase();
        var record = new CallRecordRepository(database).List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))
            .Single(r => r.Outcome == "answered-by-agent");
        Assert.Equal(SipAgentApplianceFixture.Extension, record.Agent);
        var events = new EventLogRepository(database).ReadByCall(record.Id);
        var kinds = events.Select(e => e.Kind).ToList();
        Assert.Equal(1, kinds.Count(k => k == "HOLD"));
        Assert.Equal(1, kinds.Count(k => k == "UNHOLD"));
        Assert.Contains("\"target\":\"1002\"", events.Single(e => e.Kind == "BLINDTRANSFER").Data, StringComparison.Ordinal);
        Assert.Equal(["2001", "1002"], events.Where(e => e.Kind == "CONNECT").Select(e => e.Agent));
        Assert.Equal("1002", events.Single(e => e.Kind == "COMPLETECALLER").Agent);

        var wav = WavReader.Read(Directory.GetFiles(fixture.DataDirectory, "*.wav", SearchOption.AllDirectories).Single());
        var right = wav.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(right[..12_000], 300, 3000, 10), 1390, 1410);
        Assert.InRange(ToneAnalysis.DominantFrequency(right[^12_000..], 300, 3000, 10), 1590, 1610);
    }
}
