using Appliance.Core.Configuration;
using Appliance.Core.Tests.Configuration;

namespace Appliance.Core.Tests.Queues;

/// <summary>How a queue's configuration becomes what the ACD reads, and the aging setting's validation.</summary>
public sealed class QueueDefinitionTests
{
    [Fact]
    public void A_skills_queue_without_members_takes_every_agent_with_the_skill_at_their_proficiency()
    {
        var snapshot = new ConfigurationSnapshot(SampleConfiguration.Branch(), 1);

        var cards = snapshot.Queue("cards")!;
        Assert.Equal(QueueStrategyNames.Skills, cards.Strategy);
        Assert.Equal([("1001", 0, 8), ("1002", 0, 3)], cards.Members.Select(m => (m.AgentId, m.Penalty, m.Proficiency)));
        Assert.Equal((7, RouteTargetKind.Queue, "general"), (cards.MinProficiency, cards.Overflow!.Kind, cards.Overflow.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), cards.AgingStep);
    }

    [Fact]
    public void Listed_members_keep_their_order_and_penalties_and_the_queue_its_limits()
    {
        var queue = new QueueConfig
        {
            Name = "general",
            Strategy = QueueStrategyNames.Linear,
            Members = [new QueueMember { Agent = "1002", Penalty = 4 }, new QueueMember { Agent = "1001" }],
            RetrySeconds = 7,
            MaxLength = 3,
            JoinEmpty = false,
            LeaveWhenEmpty = true,
            AutoPauseAfter = 2,
            AgingSeconds = 12,
        };
        var snapshot = new ConfigurationSnapshot(SampleConfiguration.Branch() with { Queues = [queue] }, 1);

        var general = snapshot.Queue("general")!;
        Assert.Equal([("1002", 4), ("1001", 0)], general.Members.Select(m => (m.AgentId, m.Penalty)));
        Assert.Equal(["1002", "1001"], general.AgentIds);
        Assert.Equal(
            (TimeSpan.FromSeconds(7), 3, false, true, 2, TimeSpan.FromSeconds(12), (RouteTargetKind?)null),
            (general.RetryDelay, general.MaxLength, general.JoinEmpty, general.LeaveWhenEmpty, general.AutoPauseAfter, general.AgingStep, general.Overflow?.Kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_601)]
    public void Aging_seconds_out_of_range_is_refused_naming_the_setting(int seconds)
    {
        var configuration = SampleConfiguration.Branch();
        configuration = configuration with { Queues = [.. configuration.Queues.Select(q => q.Name == "general" ? q with { AgingSeconds = seconds } : q)] };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration));
        Assert.Equal("queues[general].agingSeconds", error.Path);
    }
}
