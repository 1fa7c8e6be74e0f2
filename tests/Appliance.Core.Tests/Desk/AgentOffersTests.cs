using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Configuration;

namespace Appliance.Core.Tests.Desk;

/// <summary>The ACD publishes each offer with the caller's way through the menus and their variables, never the sensitive ones.</summary>
public sealed class AgentOffersTests
{
    // 10:00 in Shanghai on Monday 5 January 2026: the branch is open.
    private static readonly DateTimeOffset MondayMorning = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private const string Card = "6222021234567890";

    [Fact]
    public void The_offer_carries_the_ivr_path_and_the_non_sensitive_variables_and_ends_when_the_call_does()
    {
        using var harness = ConfiguredFlowTests.Harness(MondayMorning, WithServiceTag());
        var offers = new List<AgentOffer>();
        harness.Offers.Changed += offers.Add;
        var caller = harness.Call("13900139000");
        foreach (var key in "212")
        {
            harness.Run(TimeSpan.FromSeconds(1));
            caller.Press(key); // English, cards, enter the card number
        }

        harness.Run(TimeSpan.FromSeconds(1));
        foreach (var digit in Card + "#")
        {
            caller.Press(digit);
            harness.Run(TimeSpan.FromMilliseconds(200));
        }

        Assert.True(harness.Time.AdvanceUntil(() => offers.Count > 0, TimeSpan.FromSeconds(10)));
        var offer = Assert.Single(offers);
        var call = harness.CallCenter.ActiveCalls.Single();
        Assert.Equal(("1001", call.CallId, "13900139000", "hotline", 1), (offer.AgentId, offer.CallId, offer.CallerNumber, offer.EntryPoint, offer.Line));
        Assert.Equal(("cards", "en", (DateTimeOffset?)null), (offer.Queue, offer.Language, offer.EndedAt));
        Assert.Equal(
            [
                new IvrStep("main", "welcome", null), new IvrStep("main", "lang", "2"), new IvrStep("main", "root", "1"),
                new IvrStep("main", "cards", "2"), new IvrStep("main", "card-number", null), new IvrStep("main", "tag", null),
                new IvrStep("main", "to-cards", null),
            ],
            offer.IvrPath);
        Assert.Equal(new Dictionary<string, string> { ["service"] = "cards" }, offer.Variables);
        Assert.Equal(Card, call.Variables["card"]); // the call still has it; the offer does not, not even masked
        Assert.True(offer.WaitAtOffer >= TimeSpan.Zero);

        Assert.True(harness.Time.AdvanceUntil(() => call.Agent is not null, TimeSpan.FromSeconds(10)));
        caller.CallerHangsUp();
        harness.WaitForFinished();

        Assert.Equal(2, offers.Count);
        Assert.Equal((offer.CallId, "1001"), (offers[1].CallId, offers[1].AgentId));
        Assert.NotNull(offers[1].EndedAt);
    }

    [Fact]
    public void An_offer_nobody_answers_ends_when_the_ringing_stops()
    {
        var configuration = ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch());
        configuration = configuration with
        {
            Agents = [.. configuration.Agents.Select(a => a with { Simulated = new SimulatedPhone { AnswerAfterMilliseconds = 600_000 } })],
        };
        using var harness = ConfiguredFlowTests.Harness(MondayMorning, configuration);
        var offers = new List<AgentOffer>();
        harness.Offers.Changed += offers.Add;
        var caller = harness.Call("13900139000");
        harness.Run(TimeSpan.FromSeconds(1));
        caller.Press('2'); // English
        harness.Run(TimeSpan.FromSeconds(1));
        caller.Press('2'); // general: rings 1001 and 1002

        Assert.True(harness.Time.AdvanceUntil(() => offers.Any(o => o.EndedAt is not null), TimeSpan.FromSeconds(60)));
        var rung = offers.Where(o => o.EndedAt is null).Select(o => o.AgentId).ToHashSet();
        var ended = offers.Where(o => o.EndedAt is not null).Select(o => o.AgentId).ToHashSet();
        Assert.Contains("1001", rung);
        Assert.Subset(rung, ended);
        caller.CallerHangsUp();
    }

    // The sample menu, with a set node after the card number, so the call carries one ordinary variable too.
    private static CallCenterConfiguration WithServiceTag()
    {
        var branch = ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch());
        var main = SampleConfiguration.MainMenu();
        FlowNode[] nodes =
        [
            .. main.Nodes.Select(n => n is CollectNode collect ? collect with { Next = "tag" } : n),
            new SetNode { Id = "tag", Variable = "service", Value = "cards", Next = "to-cards" },
        ];
        return branch with { Menus = [.. branch.Menus.Select(m => m.Name == "main" ? main with { Nodes = nodes } : m)] };
    }
}
