using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Media;

namespace Appliance.Core.Tests;

public sealed class CallFlowTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(5);
    private static readonly AgentDefinition QuickAgent = new("1001", "Li Wei", "sim:1001;answer=2000;tone=1400");

    [Fact]
    public void Caller_who_presses_1_reaches_an_agent_and_the_call_is_recorded_in_stereo()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.FromSeconds(10), QuickAgent));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Run(TimeSpan.FromSeconds(5));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.Equal("general", detail.Queue);
        Assert.Equal("1001", detail.Agent);
        Assert.Equal("13800138000", detail.CallerNumber);
        Assert.InRange(detail.Wait.TotalSeconds, 1.9, 2.5);
        Assert.InRange(detail.Talk.TotalSeconds, 4.9, 5.1);
        Assert.Equal(
            [CallEventKinds.CallStart, CallEventKinds.Answer, CallEventKinds.MenuEnter, CallEventKinds.MenuDigit, CallEventKinds.EnterQueue,
             CallEventKinds.Connect, CallEventKinds.RecordingStart, CallEventKinds.CompleteCaller, CallEventKinds.RecordingEnd, CallEventKinds.CallEnd],
            harness.Journal.KindsFor(detail.CallId));

        var recording = WavReader.Read(detail.Recording!.Path);
        Assert.Equal(2, recording.Channels);
        var left = recording.Samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = recording.Samples.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(left, 300, 3000, 10), 590, 610);
        Assert.InRange(ToneAnalysis.DominantFrequency(right, 300, 3000, 10), 1390, 1410);
    }

    [Fact]
    public void Caller_who_hangs_up_in_the_menu_ends_in_the_menu_without_queueing()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent));
        var caller = harness.Call();
        harness.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.EndedInMenu, detail.Outcome);
        Assert.Equal("remote", detail.HangupCause);
        Assert.DoesNotContain(CallEventKinds.EnterQueue, harness.Journal.KindsFor(detail.CallId));
        Assert.Null(detail.Recording);
    }

    [Fact]
    public void Caller_who_hangs_up_in_the_queue_is_an_abandon_and_the_ringing_agent_is_released()
    {
        var slowAgent = new AgentDefinition("1002", "Wang Fang", "sim:1002;answer=60000;tone=1400");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, slowAgent));
        var caller = harness.Call();
        caller.Press('1');
        harness.Run(TimeSpan.FromSeconds(8));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.Abandoned, detail.Outcome);
        Assert.InRange(detail.Wait.TotalSeconds, 7.5, 8.5);
        var abandon = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.Abandon);
        Assert.Contains("\"waittime\"", abandon.Data, StringComparison.Ordinal);
        harness.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Acd.AgentStatus.Available, harness.Roster.StatusOf("1002"));
    }

    [Fact]
    public void Invalid_keys_and_timeouts_use_up_the_attempts_and_end_the_call_in_the_menu()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent));
        var caller = harness.Call();
        caller.Press('7');
        harness.Run(TimeSpan.FromSeconds(3));
        caller.Press('8');

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.EndedInMenu, detail.Outcome);
        Assert.Equal("local", detail.HangupCause);
        var kinds = harness.Journal.KindsFor(detail.CallId);
        Assert.Equal(2, kinds.Count(k => k == CallEventKinds.MenuInvalid));
        Assert.Equal(1, kinds.Count(k => k == CallEventKinds.MenuTimeout));
    }

    [Fact]
    public void A_missing_prompt_is_logged_against_the_call_and_the_call_goes_on()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent), "greeting");
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        var missing = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.PromptMissing);
        Assert.Contains("greeting", missing.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Ring_all_gives_the_call_to_the_first_agent_to_answer_and_stops_ringing_the_others()
    {
        var slow = new AgentDefinition("2001", "Slow", "sim:2001;answer=6000;tone=1400");
        var fast = new AgentDefinition("2002", "Fast", "sim:2002;answer=1000;tone=1600");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, slow, fast));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal("2002", detail.Agent);
        var noAnswer = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.RingNoAnswer);
        Assert.Equal("2001", noAnswer.Agent);
    }

    [Fact]
    public void A_second_caller_waits_until_the_agent_has_finished_wrap_up()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.FromSeconds(30), QuickAgent));
        var first = harness.Call("111");
        first.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        first.CallerHangsUp();
        harness.WaitForFinished();

        var second = harness.Call("222");
        second.Press('1');
        harness.Run(TimeSpan.FromSeconds(5));
        second.CallerHangsUp();
        var detail = harness.WaitForFinished(2).Detail;
        Assert.Equal(CallOutcome.Abandoned, detail.Outcome);
        Assert.Equal(Acd.AgentStatus.WrapUp, harness.Roster.StatusOf("1001"));
    }

    [Fact]
    public void A_queue_that_no_longer_exists_counts_as_an_invalid_key()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent));
        var caller = harness.Call();
        caller.Press('8');
        harness.Run(TimeSpan.FromSeconds(2));
        caller.CallerHangsUp();
        var detail = harness.WaitForFinished().Detail;
        Assert.Contains(CallEventKinds.MenuInvalid, harness.Journal.KindsFor(detail.CallId));
    }

    [Fact]
    public void A_line_that_dies_during_the_conversation_is_recorded_with_its_cause_and_the_agent_is_freed()
    {
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Run(TimeSpan.FromSeconds(2));
        caller.LineDies();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.Equal("linedead", detail.HangupCause);
        Assert.NotNull(detail.Recording);
        Assert.True(File.Exists(detail.Recording.Path));
        harness.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(Acd.AgentStatus.Available, harness.Roster.StatusOf("1001"));
    }

    [Fact]
    public void A_line_with_no_menu_configured_fails_the_call_with_a_record()
    {
        var directory = new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, QuickAgent);
        directory.Menus.Clear();
        using var harness = new CallCenterHarness(directory);
        harness.Call();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.Failed, detail.Outcome);
        Assert.Null(detail.AnsweredAt);
    }

    [Fact]
    public void Menu_action_text_is_parsed_strictly()
    {
        Assert.Equal(new MenuAction(MenuActionKind.Queue, "vip"), MenuAction.Parse("queue:vip"));
        Assert.Throws<FormatException>(() => MenuAction.Parse("queue:"));
        Assert.Throws<FormatException>(() => MenuAction.Parse("dial:123"));
    }

    [Fact]
    public void An_agent_whose_phone_cannot_be_rung_now_is_skipped_and_the_caller_reaches_another()
    {
        var stuck = new AgentDefinition("1001", "Li Wei", "noports:1001");
        var free = new AgentDefinition("1002", "Zhang Min", "sim:1002;answer=2000;tone=1600");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(LongWait, TimeSpan.Zero, stuck, free));
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal("1002", detail.Agent);
        var skipped = harness.Journal.Events.First(e => e.CallId == detail.CallId && e.Kind == CallEventKinds.RingNoAnswer && e.Agent == "1001");
        Assert.Contains("cannot-dial", skipped.Data, StringComparison.Ordinal);
    }
}
