using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Queues;

/// <summary>Callers a queue cannot serve (too long a wait, a full queue, nobody logged in) follow its overflow.</summary>
public sealed class OverflowTests
{
    // 1001 serves "first" but is paused in each test; 1002 serves "second".
    private static readonly AgentConfig[] Agents = [Agent("1001"), Agent("1002")];

    private static QueueConfig First(string? overflow, int maxWait = 10, int maxLength = 0) => new()
    {
        Name = "first",
        Members = Members("1001"),
        MaxWaitSeconds = maxWait,
        MaxLength = maxLength,
        Overflow = overflow,
        WrapUpSeconds = 0,
    };

    private static readonly QueueConfig Second = new() { Name = "second", Members = Members("1002"), WrapUpSeconds = 0 };

    [Fact]
    public void After_the_maximum_wait_the_caller_moves_to_the_overflow_queue_and_keeps_their_wait()
    {
        using var scenario = new AcdScenario([First("queue:second"), Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call();

        Assert.Equal("1002", scenario.Connected(caller));
        var session = scenario.Session(caller);
        Assert.InRange(session.Wait.TotalSeconds, 10.9, 11.5); // 10 s in "first", then 1002 answers after 1 s
        Assert.Equal("first", session.Queue);
        Assert.Equal(
            [(CallEventKinds.EnterQueue, "first"), (CallEventKinds.ExitWithTimeout, "first"), (CallEventKinds.EnterQueue, "second"), (CallEventKinds.Connect, "second")],
            scenario.EventsOf(caller).Where(e => e.Kind is CallEventKinds.EnterQueue or CallEventKinds.ExitWithTimeout or CallEventKinds.Connect).Select(e => (e.Kind, e.Queue)));
    }

    [Fact]
    public void After_the_maximum_wait_the_caller_can_go_to_a_menu()
    {
        using var scenario = new AcdScenario([First("menu:sorry"), Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call();

        var detail = scenario.Harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.QueueTimeout, detail.Outcome);
        var kinds = scenario.EventsOf(caller).Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf(CallEventKinds.ExitWithTimeout) < kinds.LastIndexOf(CallEventKinds.MenuEnter));
        Assert.Contains("sorry", scenario.EventsOf(caller).Last(e => e.Kind == CallEventKinds.MenuEnter).Data, StringComparison.Ordinal);
        Assert.InRange(detail.Wait.TotalSeconds, 9.9, 10.1);
    }

    [Theory]
    [InlineData("hangup")]
    [InlineData(null)]
    public void Without_an_overflow_queue_or_menu_the_caller_hears_goodbye_and_is_let_go(string? overflow)
    {
        using var scenario = new AcdScenario([First(overflow), Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call();

        var detail = scenario.Harness.WaitForFinished().Detail;
        Assert.Equal((CallOutcome.QueueTimeout, "local"), (detail.Outcome, detail.HangupCause));
        Assert.Equal(CallEventKinds.ExitWithTimeout, scenario.EventsOf(caller).Single(e => e.Kind.StartsWith("EXIT", StringComparison.Ordinal)).Kind);

        // The goodbye prompt (800 Hz, half a second) was heard after the wait.
        Assert.InRange(caller.LoudFramesHeard, 40, 60);
        Assert.InRange(detail.EndedAt - detail.AnsweredAt!.Value, TimeSpan.FromSeconds(10.4), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public void A_caller_arriving_at_a_full_queue_goes_straight_to_the_overflow()
    {
        using var scenario = new AcdScenario([First("queue:second", maxWait: 300, maxLength: 1), Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var waiting = scenario.Call();
        var turnedAway = scenario.Call();

        Assert.Equal("1002", scenario.Connected(turnedAway, withinSeconds: 2));
        Assert.Null(scenario.Session(waiting).Agent);
        Assert.Equal(1, scenario.Harness.Acd.WaitingIn("first"));
        Assert.Equal(
            [(CallEventKinds.QueueFull, "first"), (CallEventKinds.EnterQueue, "second")],
            scenario.EventsOf(turnedAway).Where(e => e.Kind is CallEventKinds.QueueFull or CallEventKinds.EnterQueue).Select(e => (e.Kind, e.Queue)));
    }

    [Fact]
    public void With_join_empty_off_a_caller_does_not_join_a_queue_whose_members_are_all_logged_out()
    {
        using var scenario = new AcdScenario([First("queue:second", maxWait: 300) with { JoinEmpty = false }, Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var paused = scenario.Call();
        Assert.Contains(scenario.EventsOf(paused), e => e.Kind == CallEventKinds.EnterQueue && e.Queue == "first"); // paused is logged in

        scenario.Set("1001", AgentStatus.LoggedOut);
        var caller = scenario.Call();
        Assert.Equal("1002", scenario.Connected(caller, withinSeconds: 2));
        Assert.Equal(
            [(CallEventKinds.ExitEmpty, "first"), (CallEventKinds.EnterQueue, "second")],
            scenario.EventsOf(caller).Where(e => e.Kind is CallEventKinds.ExitEmpty or CallEventKinds.EnterQueue).Select(e => (e.Kind, e.Queue)));
    }

    [Fact]
    public void With_leave_when_empty_waiting_callers_leave_when_the_last_member_logs_out()
    {
        using var scenario = new AcdScenario([First("queue:second", maxWait: 300) with { LeaveWhenEmpty = true }, Second], Agents);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call();
        scenario.Run(TimeSpan.FromSeconds(20));
        Assert.Null(scenario.Session(caller).Agent);

        scenario.Set("1001", AgentStatus.LoggedOut);
        Assert.Equal("1002", scenario.Connected(caller, withinSeconds: 2));
        var exit = Assert.Single(scenario.EventsOf(caller), e => e.Kind == CallEventKinds.ExitEmpty);
        Assert.Equal("first", exit.Queue);
        Assert.InRange(scenario.Session(caller).Wait.TotalSeconds, 20, 22);
    }
}
