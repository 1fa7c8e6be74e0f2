using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Queues;

/// <summary>Each strategy on a fixed scenario: who gets each call.</summary>
public sealed class StrategyTests
{
    private static readonly AgentConfig[] ThreeAgents = [Agent("1001"), Agent("1002"), Agent("1003")];

    private static QueueConfig Queue(string strategy, params string[] members) => new()
    {
        Name = "sales",
        Strategy = strategy,
        Members = Members(members.Length == 0 ? ["1001", "1002", "1003"] : members),
        WrapUpSeconds = 0,
    };

    [Fact]
    public void Linear_always_starts_from_the_first_listed_member()
    {
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.Linear, "1002", "1001", "1003")], ThreeAgents);
        Assert.Equal(["1002", "1002", "1002"], scenario.OneAfterAnother(3));

        // With the first busy, the next in the list.
        var first = scenario.Call();
        Assert.Equal("1002", scenario.Connected(first));
        var second = scenario.Call();
        Assert.Equal("1001", scenario.Connected(second));
    }

    [Fact]
    public void Round_robin_goes_on_after_the_agent_who_took_the_last_call()
    {
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.RoundRobin)], ThreeAgents);
        Assert.Equal(["1001", "1002", "1003", "1001", "1002"], scenario.OneAfterAnother(5));
    }

    [Fact]
    public void Round_robin_skips_a_busy_agent_and_remembers_who_was_offered()
    {
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.RoundRobin)], ThreeAgents);
        Assert.Equal(["1001"], scenario.OneAfterAnother(1));
        scenario.Set("1002", AgentStatus.NotReady);
        Assert.Equal(["1003", "1001"], scenario.OneAfterAnother(2));
        scenario.Set("1002", AgentStatus.Available);
        Assert.Equal(["1002", "1003"], scenario.OneAfterAnother(2));
    }

    [Fact]
    public void Longest_idle_takes_the_agent_free_the_longest()
    {
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.LongestIdle)], ThreeAgents);
        foreach (var agent in new[] { "1001", "1002", "1003" })
        {
            scenario.Set(agent, AgentStatus.NotReady);
        }

        // Back from the pause in the order 1003, 1001, 1002: that is the order of idleness.
        foreach (var agent in new[] { "1003", "1001", "1002" })
        {
            scenario.Set(agent, AgentStatus.Available);
            scenario.Run(TimeSpan.FromSeconds(10));
        }

        var first = scenario.Call();
        var second = scenario.Call();
        Assert.Equal(("1003", "1001"), (scenario.Connected(first), scenario.Connected(second)));
        scenario.Ended(first);
        scenario.Ended(second);

        // 1002 has now been idle longest; 1003's call ended before 1001's (both talked 5 s after answering together).
        Assert.Equal(["1002"], scenario.OneAfterAnother(1));
    }

    [Fact]
    public void Fewest_calls_takes_the_agent_with_the_fewest_calls_today()
    {
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.FewestCalls)], ThreeAgents);
        scenario.Set("1002", AgentStatus.NotReady);
        scenario.Set("1003", AgentStatus.NotReady);
        Assert.Equal(["1001", "1001"], scenario.OneAfterAnother(2));
        scenario.Set("1002", AgentStatus.Available);
        Assert.Equal(["1002"], scenario.OneAfterAnother(1));
        scenario.Set("1003", AgentStatus.Available);

        // 1001 took 2, 1002 one, 1003 none; then 1002 and 1003 have one each and 1002 is idle longer.
        Assert.Equal(["1003", "1002", "1003", "1001"], scenario.OneAfterAnother(4));
    }

    [Fact]
    public void Least_talk_time_takes_the_agent_who_talked_least_today()
    {
        AgentConfig[] agents = [Agent("1001", talkSeconds: 28), Agent("1002", talkSeconds: 5), Agent("1003")];
        using var scenario = new AcdScenario([Queue(QueueStrategyNames.LeastTalkTime, "1001", "1002")], agents);
        var first = scenario.Call();
        var second = scenario.Call();
        Assert.Equal(("1001", "1002"), (scenario.Connected(first), scenario.Connected(second)));
        scenario.Ended(first);

        // 1001 (28 s of talk) has been idle longer than 1002 (5 s, 10 s) but 1002 keeps getting the calls until it catches up.
        Assert.Equal(["1002", "1002", "1002", "1002", "1002", "1001"], scenario.OneAfterAnother(6));
    }

    [Fact]
    public void Random_spreads_calls_and_a_seed_repeats_the_same_choices()
    {
        List<string> Run(int seed)
        {
            using var scenario = new AcdScenario([Queue(QueueStrategyNames.Random)], ThreeAgents, new Random(seed));
            return scenario.OneAfterAnother(12);
        }

        var first = Run(7);
        Assert.Equal(first, Run(7));
        Assert.Equal(3, first.Distinct().Count());
        Assert.NotEqual(first, Run(8));
    }

    [Fact]
    public void Ring_all_rings_only_the_free_members_of_the_lowest_penalty()
    {
        var queue = Queue(QueueStrategyNames.RingAll) with
        {
            Members = [new QueueMember { Agent = "1001", Penalty = 2 }, new QueueMember { Agent = "1002" }, new QueueMember { Agent = "1003" }],
        };
        AgentConfig[] agents = [Agent("1001", answerMs: 500), Agent("1002", answerMs: 3000), Agent("1003", answerMs: 2000)];
        using var scenario = new AcdScenario([queue], agents);
        var first = scenario.Call();
        scenario.Run(TimeSpan.FromMilliseconds(200));
        Assert.Equal(AgentStatus.Available, scenario.Harness.Roster.StatusOf("1001"));
        Assert.Equal(AgentStatus.Ringing, scenario.Harness.Roster.StatusOf("1002"));
        Assert.Equal("1003", scenario.Connected(first));
        Assert.Equal("1002", Assert.Single(scenario.EventsOf(first), e => e.Kind == CallEventKinds.RingNoAnswer).Agent);

        // 1003 busy: 1002 alone at penalty 0; both busy: 1001's penalty 2 tier opens.
        var second = scenario.Call();
        Assert.Equal("1002", scenario.Connected(second));
        var third = scenario.Call();
        Assert.Equal("1001", scenario.Connected(third));
    }

    [Fact]
    public void Penalties_come_before_the_strategy_s_order()
    {
        var queue = Queue(QueueStrategyNames.LongestIdle) with
        {
            Members = [new QueueMember { Agent = "1001" }, new QueueMember { Agent = "1002", Penalty = 5 }, new QueueMember { Agent = "1003", Penalty = 5 }],
        };
        using var scenario = new AcdScenario([queue], ThreeAgents);
        scenario.Set("1001", AgentStatus.NotReady);
        scenario.Set("1001", AgentStatus.Available); // now the least idle, yet the only one at penalty 0
        Assert.Equal(["1001", "1001"], scenario.OneAfterAnother(2));
        var first = scenario.Call();
        var second = scenario.Call();
        Assert.Equal(("1001", "1002"), (scenario.Connected(first), scenario.Connected(second)));
    }
}
