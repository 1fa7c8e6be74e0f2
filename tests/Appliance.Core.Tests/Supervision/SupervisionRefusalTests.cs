using Appliance.Core.Acd;
using Appliance.Core.Journal;
using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Tests.Supervision;

/// <summary>Requests a supervision must refuse, each with a reason and a message naming who; nothing is rung or logged.</summary>
public sealed class SupervisionRefusalTests
{
    [Theory]
    [InlineData("9999", "1001", SupervisionRefusal.UnknownSupervisor, "there is no agent '9999'")]
    [InlineData("1002", "1001", SupervisionRefusal.NotSupervisor, "agent '1002' is not a supervisor")]
    [InlineData("2001", "9999", SupervisionRefusal.UnknownAgent, "there is no agent '9999'")]
    [InlineData("2001", "2001", SupervisionRefusal.OwnCall, "cannot supervise their own call")]
    [InlineData("2001", "1002", SupervisionRefusal.NoCall, "agent '1002' has no call to supervise")]
    public async Task Bad_requests_are_refused_and_nothing_is_rung(string supervisor, string agent, SupervisionRefusal reason, string message)
    {
        using var box = new SupervisionHarness();
        box.ConnectedCaller();
        var dialed = box.Calls.Phones.Dialed.Count;

        var refused = await Assert.ThrowsAsync<SupervisionRefusedException>(() => box.Settle(box.Service.StartAsync(supervisor, agent, SupervisionMode.Listen)));

        Assert.Equal(reason, refused.Reason);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(dialed, box.Calls.Phones.Dialed.Count);
        Assert.DoesNotContain(box.Calls.Journal.Events, e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_supervisor_already_supervising_and_a_call_already_supervised_are_refused()
    {
        using var box = new SupervisionHarness();
        box.ConnectedCaller();
        await box.Start(SupervisionMode.Listen);

        var again = await Assert.ThrowsAsync<SupervisionRefusedException>(() => box.Start(SupervisionMode.Barge));

        Assert.Equal(SupervisionRefusal.SupervisorBusy, again.Reason);
        Assert.Single(box.Calls.Journal.Events, e => e.Kind == CallEventKinds.SuperviseStart);
    }

    [Fact]
    public async Task A_supervisor_who_does_not_answer_is_given_up_after_the_ring_timeout_and_nothing_is_logged_in_the_call()
    {
        using var box = new SupervisionHarness("test:2001;answer=never;tone=2000");
        box.ConnectedCaller();

        var start = box.Service.StartAsync("2001", "1001", SupervisionMode.Listen);
        box.Calls.Run(SupervisionService.RingTimeout - TimeSpan.FromSeconds(1));
        Assert.False(start.IsCompleted);
        var refused = await Assert.ThrowsAsync<SupervisionRefusedException>(() => box.Settle(start));

        Assert.Equal(SupervisionRefusal.NotAnswered, refused.Reason);
        Assert.Contains("no-answer", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HangupCause.NoAnswer, box.Supervisor.HungUpByBox);
        Assert.Equal(AgentStatus.Available, box.Calls.Roster.StatusOf("2001"));
        Assert.DoesNotContain(box.Calls.Journal.Events, e => e.Kind.StartsWith("SUPERVISE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phone_that_cannot_be_rung_is_a_clear_refusal()
    {
        using var box = new SupervisionHarness("noports:2001");
        box.ConnectedCaller();

        var refused = await Assert.ThrowsAsync<SupervisionRefusedException>(() => box.Start(SupervisionMode.Listen));

        Assert.Equal(SupervisionRefusal.CannotRing, refused.Reason);
        Assert.Contains("No free RTP port pair", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgentStatus.Available, box.Calls.Roster.StatusOf("2001"));
    }
}
