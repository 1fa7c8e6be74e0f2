using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Tests.Fakes;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Queues;

/// <summary>Priority callers go first, waiting ages an ordinary caller so VIPs cannot starve them, and skills widen with the wait.</summary>
public sealed class PriorityAndSkillsTests
{
    private const string Vip = "13800000001";

    [Fact]
    public void A_vip_who_arrives_later_is_served_before_ordinary_callers()
    {
        var queue = new QueueConfig { Name = "sales", Members = Members("1001"), WrapUpSeconds = 0 };
        using var scenario = new AcdScenario([queue], [Agent("1001", talkSeconds: 5)], vips: [new VipCaller { Number = Vip, Priority = 5 }]);
        var busy = scenario.Call();
        scenario.Connected(busy);
        var ordinary = scenario.Call();
        scenario.Run(TimeSpan.FromSeconds(1));
        var vip = scenario.Call(number: Vip);

        Assert.Equal("1001", scenario.Connected(vip));
        Assert.Null(scenario.Session(ordinary).Agent);
        var enter = Assert.Single(scenario.EventsOf(vip), e => e.Kind == Journal.CallEventKinds.EnterQueue);
        Assert.Contains("\"position\":1", enter.Data, StringComparison.Ordinal);
        Assert.Contains("\"priority\":5", enter.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void A_steady_stream_of_vips_does_not_starve_an_ordinary_caller()
    {
        // One agent serves a call every ~6 s while a VIP (priority 10) arrives every 3 s: without aging the ordinary caller
        // would never be served. With 2 s per level, VIPs arriving more than 10 × 2 s after them go behind them.
        var queue = new QueueConfig { Name = "sales", Members = Members("1001"), WrapUpSeconds = 0, AgingSeconds = 2, MaxWaitSeconds = 0 };
        using var scenario = new AcdScenario([queue], [Agent("1001", talkSeconds: 5)], vips: [new VipCaller { Number = Vip, Priority = 10 }]);
        scenario.Connected(scenario.Call(number: Vip));
        var ordinary = scenario.Call();
        var ordinaryArrived = scenario.Time.GetUtcNow();
        var vips = new List<(FakeCallerChannel Caller, DateTimeOffset Arrived)>();
        while (scenario.Session(ordinary).Agent is null)
        {
            Assert.True(scenario.Time.GetUtcNow() - ordinaryArrived < TimeSpan.FromMinutes(3), "the ordinary caller starved");
            scenario.Run(TimeSpan.FromSeconds(3));
            vips.Add((scenario.Call(number: Vip), scenario.Time.GetUtcNow()));
        }

        var wait = scenario.Time.GetUtcNow() - ordinaryArrived;

        // Served after the VIPs who arrived within 20 s of them (about 7, ~6 s each), and before every later VIP.
        Assert.InRange(wait.TotalSeconds, 20, 60);
        Assert.Contains(vips, v => v.Arrived - ordinaryArrived < TimeSpan.FromSeconds(20) && scenario.Session(v.Caller).Agent is not null);
        Assert.DoesNotContain(vips, v => v.Arrived - ordinaryArrived > TimeSpan.FromSeconds(21) && scenario.Session(v.Caller).Agent is not null);
    }

    [Fact]
    public void Skills_take_the_most_proficient_free_agent_and_widen_to_a_lesser_one_after_30_seconds()
    {
        var queue = new QueueConfig
        {
            Name = "cards",
            Strategy = QueueStrategyNames.Skills,
            Skill = "cards",
            MinProficiency = 7,
            Widening = [new SkillWidening { AfterSeconds = 30, MinProficiency = 4 }],
            WrapUpSeconds = 0,
            MaxWaitSeconds = 0,
        };
        AgentConfig[] agents =
        [
            Agent("1001", talkSeconds: 120, skills: [Skill("cards", 8)]),
            Agent("1002", talkSeconds: 120, skills: [Skill("cards", 4)]),
            Agent("1003", talkSeconds: 120, skills: [Skill("cards", 9)]),
            Agent("1004", talkSeconds: 120, skills: [Skill("loans", 10)]),
        ];
        using var scenario = new AcdScenario([queue], agents);
        var first = scenario.Call();
        Assert.Equal("1003", scenario.Connected(first));
        var second = scenario.Call();
        Assert.Equal("1001", scenario.Connected(second));

        // Nobody at 7 or more is free: the 4 is offered only once the caller has waited 30 s; the loans agent never.
        var third = scenario.Call();
        scenario.Run(TimeSpan.FromSeconds(29));
        Assert.Equal(AgentStatus.Available, scenario.Harness.Roster.StatusOf("1002"));
        Assert.Equal("1002", scenario.Connected(third));
        Assert.InRange(scenario.Session(third).Wait.TotalSeconds, 30, 31.5);
    }
}
