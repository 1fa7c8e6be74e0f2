using Appliance.Core.Acd;
using Appliance.Core.Journal;

namespace Appliance.Core.Tests.Agents;

/// <summary>The agent state machine: the agent's choice, the phone and the ACD kept apart, each change logged with its duration.</summary>
public sealed class AgentRosterTests
{
    private readonly AgentFixture _agents = new();

    private AgentRoster Roster => _agents.Roster;

    [Fact]
    public void A_pause_with_a_reason_and_the_return_to_ready_log_the_states_their_reasons_and_how_long_each_lasted()
    {
        _agents.Advance(30);
        var mark = _agents.Mark();

        Assert.Equal(AgentCommandResult.Done, Roster.Apply("1001", AgentCommand.Pause, "12", "phone"));

        Assert.Equal(AgentStatus.NotReady, Roster.StatusOf("1001"));
        Assert.Equal("12", Roster.StateOf("1001")!.PauseReason);
        var paused = _agents.Since(mark);
        Assert.Equal([CallEventKinds.Pause, CallEventKinds.AgentState], paused.Select(e => e.Kind));
        Assert.Equal("lunch", AgentFixture.Text(paused[0], "reasonName"));
        var state = paused[1];
        Assert.Equal(("1001", "NONE"), (state.Agent, state.CallId));
        Assert.Equal(("notready", "12", "lunch"), (AgentFixture.Text(state, "status"), AgentFixture.Text(state, "reason"), AgentFixture.Text(state, "reasonName")));
        Assert.Equal(("available", 30.0), (AgentFixture.Text(state, "previous"), AgentFixture.Seconds(state, "seconds")));

        _agents.Advance(90.5);
        mark = _agents.Mark();
        Assert.Equal(AgentCommandResult.Done, Roster.Apply("1001", AgentCommand.Ready, null, "control"));

        Assert.Equal(AgentStatus.Available, Roster.StatusOf("1001"));
        var ready = _agents.Since(mark);
        Assert.Equal([CallEventKinds.Unpause, CallEventKinds.AgentState], ready.Select(e => e.Kind));
        Assert.Equal(("12", 90.5), (AgentFixture.Text(ready[0], "reason"), AgentFixture.Seconds(ready[0], "pausetime")));
        Assert.Equal(("available", "notready", "12"), (AgentFixture.Text(ready[1], "status"), AgentFixture.Text(ready[1], "previous"), AgentFixture.Text(ready[1], "previousReason")));
        Assert.Equal(90.5, AgentFixture.Seconds(ready[1], "seconds"));
        Assert.Equal(_agents.Time.GetUtcNow(), Roster.StateOf("1001")!.Since);
    }

    [Fact]
    public void Logging_off_logs_the_logged_in_time_and_survives_the_phone_registering_again_until_the_agent_logs_in()
    {
        Roster.SetPhoneConnected("1002", false);
        _agents.Advance(5);
        var mark = _agents.Mark();
        Roster.SetPhoneConnected("1002", true);
        Assert.Equal([CallEventKinds.AgentState, CallEventKinds.AgentLogin], _agents.Since(mark).Select(e => e.Kind));
        Assert.Equal(AgentStatus.Available, Roster.StatusOf("1002"));

        _agents.Advance(3600);
        mark = _agents.Mark();
        Roster.Apply("1002", AgentCommand.LogOut, null, "phone");

        var logoff = Assert.Single(_agents.Since(mark), e => e.Kind == CallEventKinds.AgentLogoff);
        Assert.Equal(3600, AgentFixture.Seconds(logoff, "logintime"));
        Assert.Equal("phone", AgentFixture.Text(logoff, "cause"));
        Roster.SetPhoneConnected("1002", false);
        Roster.SetPhoneConnected("1002", true);
        Assert.Equal(AgentStatus.LoggedOut, Roster.StatusOf("1002"));
        Assert.False(Roster.StateOf("1002")!.LoggedIn);

        Roster.Apply("1002", AgentCommand.LogIn, null, "phone");
        Assert.Equal(AgentStatus.Available, Roster.StatusOf("1002"));
    }

    [Fact]
    public void A_pause_survives_the_phone_going_away_and_coming_back()
    {
        Roster.Apply("1002", AgentCommand.Pause, "1", "phone");
        Roster.SetPhoneConnected("1002", false);
        Assert.Equal(AgentStatus.LoggedOut, Roster.StatusOf("1002"));

        Roster.SetPhoneConnected("1002", true);

        Assert.Equal(AgentStatus.NotReady, Roster.StatusOf("1002"));
        Assert.Equal("1", Roster.StateOf("1002")!.PauseReason);
    }

    [Fact]
    public void A_pause_asked_for_during_a_call_takes_effect_when_the_ACD_is_done_with_the_agent()
    {
        var freed = 0;
        Roster.AgentFreed += () => freed++;
        Roster.Set("1001", AgentStatus.Ringing);
        Roster.Set("1001", AgentStatus.OnCall);
        var mark = _agents.Mark();

        Roster.Apply("1001", AgentCommand.Pause, "1", "phone");

        Assert.Equal(AgentStatus.OnCall, Roster.StatusOf("1001"));
        Assert.Equal([CallEventKinds.Pause], _agents.Since(mark).Select(e => e.Kind));
        Roster.Set("1001", AgentStatus.WrapUp);
        _agents.Advance(20);
        Roster.Set("1001", AgentStatus.Available);
        Assert.Equal(AgentStatus.NotReady, Roster.StatusOf("1001"));
        var last = _agents.Journal.Events[^1];
        Assert.Equal(("notready", "wrapup", 20.0), (AgentFixture.Text(last, "status"), AgentFixture.Text(last, "previous"), AgentFixture.Seconds(last, "seconds")));
        Assert.Equal(0, freed);
    }

    [Fact]
    public void The_ACD_can_undo_its_own_auto_pause_but_not_the_agent_s()
    {
        Roster.Set("1001", AgentStatus.NotReady);
        Assert.Equal(AgentRoster.AutoPauseReason, Roster.StateOf("1001")!.PauseReason);
        Roster.Set("1001", AgentStatus.Available);
        Assert.Equal(AgentStatus.Available, Roster.StatusOf("1001"));

        Roster.Apply("1001", AgentCommand.Pause, "1", "phone");
        Roster.Set("1001", AgentStatus.Available);

        Assert.Equal(AgentStatus.NotReady, Roster.StatusOf("1001"));
    }

    [Theory]
    [InlineData("9999", AgentCommand.LogOut, null, AgentCommandResult.UnknownAgent)]
    [InlineData("1001", AgentCommand.Pause, "7", AgentCommandResult.UnknownReason)]
    [InlineData("1001", AgentCommand.Pause, null, AgentCommandResult.UnknownReason)]
    public void An_unknown_agent_or_reason_changes_nothing(string agent, AgentCommand command, string? reason, AgentCommandResult expected)
    {
        var before = Roster.States();
        var mark = _agents.Mark();

        Assert.Equal(expected, Roster.Apply(agent, command, reason, "control"));

        Assert.Equal(before, Roster.States());
        Assert.Empty(_agents.Since(mark));
    }

    [Fact]
    public void Repeating_a_command_writes_nothing_more_and_the_existing_API_still_reports_every_agent()
    {
        Roster.Apply("1001", AgentCommand.Pause, "1", "phone");
        var mark = _agents.Mark();

        Roster.Apply("1001", AgentCommand.Pause, "1", "phone");

        Assert.Empty(_agents.Since(mark));
        Assert.Equal(AgentStatus.NotReady, Roster.Snapshot()["1001"]);
        Assert.Equal(AgentStatus.Available, Roster.Snapshot()["1002"]);
    }
}
