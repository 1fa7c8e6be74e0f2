using System.Globalization;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// A SIPp caller comes in through the trunk, presses 1 and reaches a real softphone agent, which auto-answers and
/// then, at moments the test picks, holds, resumes and hangs up, or blind-transfers the caller to the other agent's
/// phone. The call's events and its one stereo recording (caller left, agents right, each phone with its own tone)
/// show what the box did.
/// </summary>
public sealed class SoftphoneCallTests(SoftphoneApplianceFixture fixture) : IClassFixture<SoftphoneApplianceFixture>
{
    private const double CallerHz = 600;
    private const int DigitAfterMs = 3000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(60);

    [SoftphoneFact("baresip", "sipp")]
    public async Task Baresip_answers_a_trunk_caller_holds_resumes_and_hangs_up_and_its_tone_is_recorded()
    {
        await using var phone = await Baresip.StartAsync(fixture.BaresipAccount());
        await TalkHoldResumeAndHangUpAsync(phone);
    }

    [SoftphoneFact("linphonec", "sipp")]
    public async Task Linphonec_answers_a_trunk_caller_holds_resumes_and_hangs_up_and_its_tone_is_recorded()
    {
        await using var phone = await Linphonec.StartAsync(fixture.LinphonecAccount());
        await TalkHoldResumeAndHangUpAsync(phone);
    }

    [SoftphoneFact("baresip", "linphonec", "sipp")]
    public async Task Baresip_blind_transfers_the_caller_to_agent_1002_on_linphonec()
    {
        await using var phone = await Baresip.StartAsync(fixture.BaresipAccount());
        await BlindTransferAsync(phone, async () => await Linphonec.StartAsync(fixture.LinphonecAccount()));
    }

    [SoftphoneFact("baresip", "linphonec", "sipp")]
    public async Task Linphonec_blind_transfers_the_caller_to_agent_1001_on_baresip()
    {
        await using var phone = await Linphonec.StartAsync(fixture.LinphonecAccount());
        await BlindTransferAsync(phone, async () => await Baresip.StartAsync(fixture.BaresipAccount()));
    }

    private async Task TalkHoldResumeAndHangUpAsync(Softphone phone)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var endedBefore = fixture.OutputCount("ended: answered-by-agent");
        Assert.True(await phone.WaitForRegistrationAsync(Limit), phone.Text);
        var caller = StartCallerAsync();

        var answered = await phone.WaitForCallAsync(Limit);
        // Two RTCP reports from the box: some seconds of audio both ways before the hold.
        await phone.WaitForRtcpAsync(2, Limit, answered);
        var heldBefore = fixture.OutputCount("media now RecvOnly");
        await phone.HoldAsync();
        Assert.True(await fixture.OutputHasAsync("media now RecvOnly", heldBefore + 1), fixture.Appliance.Output);
        var resumedBefore = fixture.OutputCount("media now SendRecv");
        await phone.ResumeAsync();
        Assert.True(await fixture.OutputHasAsync("media now SendRecv", resumedBefore + 1), fixture.Appliance.Output);
        await phone.HangUpAsync();

        var (exitCode, callerOutput) = await caller;
        Assert.True(exitCode == 0, $"The caller did not get the box's BYE ({exitCode}):\n{callerOutput}\n{fixture.Appliance.Output}");
        Assert.True(await fixture.OutputHasAsync("ended: answered-by-agent", endedBefore + 1), fixture.Appliance.Output);

        using var database = fixture.OpenDatabase();
        var call = CallAnsweredBy(database, phone.Account.Extension, since);
        var events = new EventLogRepository(database).ReadByCall(call.Id);
        Assert.Equal(1, events.Count(e => e.Kind == "HOLD"));
        Assert.Equal(1, events.Count(e => e.Kind == "UNHOLD"));
        Assert.Equal(phone.Account.Extension, events.Single(e => e.Kind == "COMPLETEAGENT").Agent);

        var recording = RecordingOf(database, call);
        Assert.Equal(2, recording.Channels);
        var left = recording.Samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = recording.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(left, 300, 3000, 10), CallerHz - 10, CallerHz + 10);
        Assert.InRange(ToneAnalysis.DominantFrequency(right, 300, 3000, 10), phone.Account.ToneHz - 10, phone.Account.ToneHz + 10);
    }

    private async Task BlindTransferAsync(Softphone transferor, Func<Task<Softphone>> startTarget)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var endedBefore = fixture.OutputCount("ended: answered-by-agent");
        Assert.True(await transferor.WaitForRegistrationAsync(Limit), transferor.Text);
        var caller = StartCallerAsync();
        var answered = await transferor.WaitForCallAsync(Limit);
        await transferor.WaitForRtcpAsync(2, Limit, answered);

        // The target registers only now, so the ring-all queue offered the call to the transferor alone.
        await using var target = await startTarget();
        Assert.True(await target.WaitForRegistrationAsync(Limit), target.Text);
        var mark = target.Mark;
        await transferor.TransferAsync(target.Account.Extension);

        var connected = await target.WaitForCallAsync(Limit, mark);
        await transferor.WaitForCallEndAsync(Limit, answered);
        await target.WaitForRtcpAsync(2, Limit, connected);
        Assert.False(caller.IsCompleted, "The caller was hung up by the transfer.\n" + fixture.Appliance.Output);
        await target.HangUpAsync();

        var (exitCode, callerOutput) = await caller;
        Assert.True(exitCode == 0, $"The caller did not get the box's BYE ({exitCode}):\n{callerOutput}\n{fixture.Appliance.Output}");
        Assert.True(await fixture.OutputHasAsync("ended: answered-by-agent", endedBefore + 1), fixture.Appliance.Output);

        using var database = fixture.OpenDatabase();
        var call = CallAnsweredBy(database, transferor.Account.Extension, since);
        var events = new EventLogRepository(database).ReadByCall(call.Id);
        Assert.Contains($"\"target\":\"{target.Account.Extension}\"", events.Single(e => e.Kind == "BLINDTRANSFER").Data, StringComparison.Ordinal);
        Assert.Equal([transferor.Account.Extension, target.Account.Extension], events.Where(e => e.Kind == "CONNECT").Select(e => e.Agent));
        Assert.Equal(target.Account.Extension, events.Single(e => e.Kind == "COMPLETEAGENT").Agent);

        // One recording for the whole conversation: the first agent's tone at the start, the second's at the end.
        var right = RecordingOf(database, call).Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(right[..12_000], 300, 3000, 10), transferor.Account.ToneHz - 10, transferor.Account.ToneHz + 10);
        Assert.InRange(ToneAnalysis.DominantFrequency(right[^12_000..], 300, 3000, 10), target.Account.ToneHz - 10, target.Account.ToneHz + 10);
    }

    /// <summary>Runs the SIPp caller (trunk, digit 1, waits for the box's BYE) until it ends; returns its exit code and output.</summary>
    private async Task<(int ExitCode, string Output)> StartCallerAsync()
    {
        var work = Directory.CreateTempSubdirectory("sipp-softphone-").FullName;
        try
        {
            var pcaps = Directory.CreateDirectory(Path.Combine(work, "pcap")).FullName;
            TonePcap.Write(Path.Combine(pcaps, "caller.pcap"), CallerHz, TimeSpan.FromSeconds(60), aLaw: true);
            File.CreateSymbolicLink(Path.Combine(pcaps, "dtmf_2833_1.pcap"), "/usr/share/sip-tester/dtmf_2833_1.pcap");
            File.WriteAllText(Path.Combine(work, "caller.xml"), SippAgentFeatureScenarios.CallerUntilTheBoxHangsUp(DigitAfterMs, byeWithinMs: 45_000));
            return await SipPeers.RunSippAsync(
                work, SippLimit, "-sf", "caller.xml", fixture.Target, "-s", "branch", "-m", "1", "-i", "127.0.0.1",
                "-p", FreePort(), "-mi", "127.0.0.1", "-mp", FreePort());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The record of the trunk call <paramref name="extension"/> answered after <paramref name="since"/>.</summary>
    private static CallRecord CallAnsweredBy(ApplianceDatabase database, string extension, DateTimeOffset since)
    {
        var call = new CallRecordRepository(database).List(since, DateTimeOffset.UtcNow.AddMinutes(1))
            .Single(r => r.Agent == extension && r.Outcome == "answered-by-agent");
        Assert.Equal("sip", call.ChannelKind);
        Assert.Equal("13800138000", call.CallerNumber);
        return call;
    }

    private WavAudio RecordingOf(ApplianceDatabase database, CallRecord call)
    {
        var recording = new RecordingRepository(database).Get(call.RecordingId ?? throw new InvalidOperationException($"Call {call.Id} has no recording."))
            ?? throw new InvalidOperationException($"Recording {call.RecordingId} of call {call.Id} is not stored.");
        return WavReader.Read(Path.IsPathRooted(recording.Path) ? recording.Path : Path.Combine(fixture.DataDirectory, recording.Path));
    }

    private static string FreePort() => SipPeers.FreePort().ToString(CultureInfo.InvariantCulture);
}
