using Appliance.Core.Journal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>The card-loss node: confirmed (blocked, reference read back), declined, and a garbage answer.</summary>
[Collection(SelfServiceCollection.Name)]
public sealed class CardLossNodeTests
{
    [Fact]
    public void A_confirmed_loss_blocks_the_card_and_reads_the_reference_digit_by_digit()
    {
        using var scenario = Verified(out var caller);
        caller.Press('2'); // card loss
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('1'); // yes, block it

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfServiceSaid).Count > 0, TimeSpan.FromSeconds(15)));
        Assert.Equal([FakeCoreBank.Customer.CustomerId], scenario.Bank.Blocked);
        Assert.Equal("ss-card-blocked ss-reference-is num-4 num-0 num-7 num-1", scenario.Data(CallEventKinds.SelfServiceSaid).Single()["prompts"]);
        var block = scenario.Transactions.All.Single(t => t.Type == "card-block");
        Assert.Equal(("completed", "622202******7890", "reference 4071"), (block.Outcome, block.MaskedAccount, block.Notes));
    }

    [Fact]
    public void A_declined_loss_blocks_nothing()
    {
        using var scenario = Verified(out var caller);
        caller.Press('2');
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('2'); // no

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfService).Any(d => d["outcome"] == "declined"), TimeSpan.FromSeconds(15)));
        Assert.Empty(scenario.Bank.Blocked);
        Assert.DoesNotContain(scenario.Transactions.All, t => t.Type == "card-block");
        Assert.Equal(CallOutcome.EndedInMenu, scenario.Harness.WaitForFinished().Detail.Outcome);
    }

    [Fact]
    public void A_garbage_reference_gets_a_sorry_and_an_agent()
    {
        using var scenario = Verified(out var caller);
        scenario.Bank.Behaviour = FakeCoreBank.Mode.Garbage;
        caller.Press('2');
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('1');

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        Assert.Equal(("card-block", "bad-answer"), (scenario.Data(CallEventKinds.SelfServiceFailed).Single()["operation"], scenario.Data(CallEventKinds.SelfServiceFailed).Single()["reason"]));
        Assert.Equal("general", scenario.Active.Queue);
    }

    private static SelfServiceScenario Verified(out Fakes.FakeCallerChannel caller)
    {
        var scenario = new SelfServiceScenario();
        caller = scenario.Call();
        scenario.Identify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null, TimeSpan.FromSeconds(15)));
        scenario.Step(TimeSpan.FromSeconds(1));
        return scenario;
    }
}
