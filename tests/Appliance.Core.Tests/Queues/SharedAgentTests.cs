using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Queues;

/// <summary>An agent in several queues is offered the highest-priority, longest-waiting caller among them.</summary>
public sealed class SharedAgentTests
{
    private const string Vip = "13800000001";

    private static AcdScenario Scenario() => new(
        [
            new QueueConfig { Name = "loans", Members = Members("1001"), WrapUpSeconds = 0 },
            new QueueConfig { Name = "cards", Members = Members("1001"), WrapUpSeconds = 0 },
        ],
        [Agent("1001")],
        vips: [new VipCaller { Number = Vip, Priority = 3 }]);

    [Fact]
    public void The_caller_waiting_longest_across_the_agent_s_queues_goes_first()
    {
        using var scenario = Scenario();
        scenario.Set("1001", AgentStatus.NotReady);
        var cards = scenario.Call(line: 2);
        scenario.Run(TimeSpan.FromSeconds(5));
        var loans = scenario.Call(line: 1);
        scenario.Run(TimeSpan.FromSeconds(5));

        scenario.Set("1001", AgentStatus.Available);
        Assert.Equal("1001", scenario.Connected(cards));
        Assert.Null(scenario.Session(loans).Agent);
    }

    [Fact]
    public void A_priority_caller_in_another_queue_goes_before_a_longer_waiting_ordinary_caller()
    {
        using var scenario = Scenario();
        scenario.Set("1001", AgentStatus.NotReady);
        var ordinary = scenario.Call(line: 2);
        scenario.Run(TimeSpan.FromSeconds(5));
        var vip = scenario.Call(line: 1, number: Vip); // priority 3 is worth 90 s of waiting at 30 s a level
        scenario.Run(TimeSpan.FromSeconds(5));

        scenario.Set("1001", AgentStatus.Available);
        Assert.Equal("1001", scenario.Connected(vip));
        Assert.Null(scenario.Session(ordinary).Agent);
    }
}
