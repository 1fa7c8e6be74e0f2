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

    [SippFact]
    public async Task A_trunk_caller_reaches_a_registered_SIP_agent_with_audio_both_ways_recorded_and_the_hangup_ends_both_legs()
    {
        var call = await SippAgentCall.PrepareAsync(fixture, CallerHz, AgentHz, SippScenarios.Agent(), SippScenarios.Caller(digitAfterMs: 8000, talkMs: 6000));
        await call.RunAsync();
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
}
