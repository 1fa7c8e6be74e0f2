using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;

namespace Appliance.Core.Tests;

/// <summary>An agent's phone holds and blind-transfers (the simulated phone's scripted keys stand in for a SIP phone's).</summary>
public sealed class TransferAndHoldTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(5);
    private static readonly AgentDefinition Target = new("1002", "Zhang Min", "sim:1002;answer=2000;tone=1600");

    [Fact]
    public void A_blind_transfer_to_a_free_agent_connects_the_caller_to_them_in_the_same_recording()
    {
        var directory = new InMemoryDirectory().WithQueue(LongWait, TimeSpan.FromSeconds(10), new AgentDefinition("1001", "Li Wei", "sim:1001;answer=2000;tone=1400;transfer=1002;transferat=3"));
        directory.AgentList.Add(Target);
        using var harness = new CallCenterHarness(directory);
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Any(e => e.Kind == CallEventKinds.BlindTransfer), TimeSpan.FromSeconds(30)));
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Count(e => e.Kind == CallEventKinds.Connect) == 2, TimeSpan.FromSeconds(10)));
        harness.Run(TimeSpan.FromSeconds(5));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.Equal("1001", detail.Agent);
        Assert.Equal(
            [CallEventKinds.CallStart, CallEventKinds.Answer, CallEventKinds.MenuEnter, CallEventKinds.MenuDigit, CallEventKinds.EnterQueue,
             CallEventKinds.Connect, CallEventKinds.RecordingStart, CallEventKinds.BlindTransfer, CallEventKinds.Connect,
             CallEventKinds.CompleteCaller, CallEventKinds.RecordingEnd, CallEventKinds.CallEnd],
            harness.Journal.KindsFor(detail.CallId));
        var events = harness.Journal.Events.Where(e => e.CallId == detail.CallId).ToList();
        Assert.Contains("\"target\":\"1002\"", events.Single(e => e.Kind == CallEventKinds.BlindTransfer).Data, StringComparison.Ordinal);
        Assert.Equal("1002", events.Last(e => e.Kind == CallEventKinds.Connect).Agent);
        Assert.Equal("1002", events.Single(e => e.Kind == CallEventKinds.CompleteCaller).Agent);

        // One recording: the first agent's voice (1400 Hz) at the start, the second's (1600 Hz) at the end.
        var right = WavReader.Read(detail.Recording!.Path).Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(right[..16_000], 300, 3000, 10), 1390, 1410);
        Assert.InRange(ToneAnalysis.DominantFrequency(right[^16_000..], 300, 3000, 10), 1590, 1610);

        // The transferring agent was let go and is free again after wrap-up; the new one after theirs.
        harness.Run(TimeSpan.FromSeconds(11));
        Assert.Equal(Acd.AgentStatus.Available, harness.Roster.StatusOf("1001"));
        Assert.Equal(Acd.AgentStatus.Available, harness.Roster.StatusOf("1002"));
    }

    [Theory]
    [InlineData("9999")] // nobody
    [InlineData("1001")] // the agent themself
    public void A_transfer_to_no_free_agent_or_queue_is_refused_and_the_conversation_goes_on(string target)
    {
        var agent = new AgentDefinition("1001", "Li Wei", $"sim:1001;answer=2000;tone=1400;transfer={target};transferat=3");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, agent));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Run(TimeSpan.FromSeconds(8));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.DoesNotContain(CallEventKinds.BlindTransfer, harness.Journal.KindsFor(detail.CallId));
        Assert.InRange(detail.Talk.TotalSeconds, 7.9, 8.1);
        var right = WavReader.Read(detail.Recording!.Path).Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(right[^16_000..], 300, 3000, 10), 1390, 1410);
    }

    [Fact]
    public void A_transfer_the_target_does_not_answer_brings_the_caller_back_to_the_queue()
    {
        var directory = new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, new AgentDefinition("1001", "Li Wei", "sim:1001;answer=2000;tone=1400;transfer=1002;transferat=3"));
        directory.AgentList.Add(new AgentDefinition("1002", "Zhang Min", "sim:1002;answer=60000;tone=1600"));
        using var harness = new CallCenterHarness(directory);
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Any(e => e.Kind == CallEventKinds.RingNoAnswer && e.Agent == "1002"), TimeSpan.FromSeconds(40)));
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Count(e => e.Kind == CallEventKinds.Connect) == 2, TimeSpan.FromSeconds(10)));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        var kinds = harness.Journal.KindsFor(detail.CallId);
        Assert.Equal(2, kinds.Count(k => k == CallEventKinds.EnterQueue));
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.InRange(detail.Wait.TotalSeconds, 1.9, 2.5); // the first wait, not the one after the failed transfer
    }

    [Fact]
    public void While_the_agent_holds_the_caller_hears_music_and_the_hold_is_logged_with_its_length()
    {
        var agent = new AgentDefinition("1001", "Li Wei", "sim:1001;answer=2000;tone=1400;hold=2;holdfor=3");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, agent));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Any(e => e.Kind == CallEventKinds.Hold), TimeSpan.FromSeconds(30)));
        var heldFrom = caller.Heard.Count;
        harness.Run(TimeSpan.FromSeconds(2));
        var duringHold = caller.Heard.Skip(heldFrom).ToArray();
        Assert.True(harness.Time.AdvanceUntil(() => harness.Journal.Events.Any(e => e.Kind == CallEventKinds.Unhold), TimeSpan.FromSeconds(5)));
        var resumedFrom = caller.Heard.Count;
        harness.Run(TimeSpan.FromSeconds(2));
        var afterHold = caller.Heard.Skip(resumedFrom).ToArray();
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        var notes = HoldMusicSource.NoteFrequencies;
        var heard = ToneAnalysis.DominantFrequency(duringHold, 300, 3000, 5);
        Assert.Contains(notes, f => Math.Abs(f - heard) < 10);
        Assert.InRange(ToneAnalysis.DominantFrequency(afterHold, 300, 3000, 10), 1390, 1410);
        var unhold = harness.Journal.Events.Single(e => e.CallId == detail.CallId && e.Kind == CallEventKinds.Unhold);
        Assert.Contains("\"by\":\"agent\"", unhold.Data, StringComparison.Ordinal);
        Assert.Contains("\"holdtime\":3", unhold.Data, StringComparison.Ordinal);
    }
}
