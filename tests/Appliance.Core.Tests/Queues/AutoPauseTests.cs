using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Queues;

/// <summary>Offers nobody answers: the caller is offered again after the retry pause, and an agent who keeps letting calls ring out is paused.</summary>
public sealed class AutoPauseTests
{
    [Fact]
    public void An_agent_who_lets_offers_ring_out_is_offered_again_after_the_retry_pause_then_paused()
    {
        var queue = new QueueConfig { Name = "sales", Members = Members("1001"), RingTimeoutSeconds = 5, RetrySeconds = 2, AutoPauseAfter = 2, WrapUpSeconds = 0 };
        using var scenario = new AcdScenario([queue], [Agent("1001", answerMs: 120_000)]);
        var caller = scenario.Call();

        // 1001 rings 5 s, the caller waits 2 s, 1001 rings 5 s again, then is paused and offered nothing more.
        scenario.Run(TimeSpan.FromSeconds(13));
        Assert.Equal(AgentStatus.NotReady, scenario.Harness.Roster.StatusOf("1001"));
        scenario.Run(TimeSpan.FromSeconds(30));
        var rangOut = scenario.EventsOf(caller).Where(e => e.Kind == CallEventKinds.RingNoAnswer).ToList();
        Assert.Equal(["1001", "1001"], rangOut.Select(e => e.Agent));
        Assert.All(rangOut, e => Assert.Contains("\"ringtime\":5", e.Data, StringComparison.Ordinal));
        Assert.InRange((rangOut[1].At - rangOut[0].At).TotalSeconds, 6.9, 7.2);
        Assert.Null(scenario.Session(caller).Agent);
    }

    [Fact]
    public void After_an_agent_lets_a_caller_ring_out_the_next_offer_goes_to_another_free_agent()
    {
        var queue = new QueueConfig
        {
            Name = "sales",
            Strategy = QueueStrategyNames.Linear,
            Members = Members("1001", "1002"),
            RingTimeoutSeconds = 5,
            RetrySeconds = 2,
            WrapUpSeconds = 0,
        };
        using var scenario = new AcdScenario([queue], [Agent("1001", answerMs: 120_000), Agent("1002")]);
        var caller = scenario.Call();

        Assert.Equal("1002", scenario.Connected(caller, withinSeconds: 30));
        Assert.Equal("1001", Assert.Single(scenario.EventsOf(caller), e => e.Kind == CallEventKinds.RingNoAnswer).Agent);
        Assert.InRange(scenario.Session(caller).Wait.TotalSeconds, 7.9, 8.5); // 5 s ring, 2 s retry, 1 s to answer
        Assert.Equal(AgentStatus.Available, scenario.Harness.Roster.StatusOf("1001"));
    }

    [Fact]
    public void An_answer_resets_the_count_of_offers_rung_out()
    {
        var queue = new QueueConfig { Name = "sales", Members = Members("1001"), RingTimeoutSeconds = 5, RetrySeconds = 1, AutoPauseAfter = 2, WrapUpSeconds = 0 };
        using var scenario = new AcdScenario([queue], [Agent("1001", answerMs: 1000)]);
        Assert.Equal(["1001", "1001", "1001"], scenario.OneAfterAnother(3));
        Assert.Equal(AgentStatus.Available, scenario.Harness.Roster.StatusOf("1001"));
        Assert.Empty(scenario.Events(CallEventKinds.RingNoAnswer));
    }
}
