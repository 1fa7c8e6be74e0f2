using Appliance.Banking;
using Appliance.Core.Journal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>The balance node: the amount and currency composed in the caller's language, and a bank that fails.</summary>
[Collection(SelfServiceCollection.Name)]
public sealed class BalanceNodeTests
{
    [Theory]
    [InlineData(5, "ss-balance-is num-1 num-thousand num-2 num-hundred num-30 num-4 cur-cny num-50 num-6 cur-cny-fen")]
    [InlineData(6, "ss-balance-is num-1 num-thousand num-2 num-hundred num-3 num-10 num-4 cur-cny num-5 cur-cny-jiao num-6 cur-cny-fen")]
    public void A_verified_caller_hears_the_balance_in_their_language(int line, string expected)
    {
        using var scenario = new SelfServiceScenario();
        var caller = scenario.Call(line);
        scenario.Identify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null, TimeSpan.FromSeconds(15)));
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('1');

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfServiceSaid).Count > 0, TimeSpan.FromSeconds(15)));
        Assert.Equal(expected, scenario.Data(CallEventKinds.SelfServiceSaid).Single()["prompts"]);
        var enquiry = scenario.Transactions.All.Single(t => t.Type == "balance-enquiry");
        Assert.Equal(("completed", 123_456L, "CNY", "622202******7890"), (enquiry.Outcome, enquiry.AmountMinor!.Value, enquiry.Currency, enquiry.MaskedAccount));
        var finished = scenario.Harness.WaitForFinished();
        Assert.Equal(CallOutcome.EndedInMenu, finished.Detail.Outcome); // the goodbye node
    }

    [Fact]
    public void A_balance_the_box_cannot_say_is_garbage_and_the_caller_goes_to_an_agent()
    {
        using var scenario = new SelfServiceScenario();
        scenario.Bank.Balance = new AccountBalance("622202******7890", 5, 5, "XAU");
        var caller = scenario.Call();
        scenario.Identify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null, TimeSpan.FromSeconds(15)));
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('1');

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        Assert.Equal(("balance", "bad-answer"), (scenario.Data(CallEventKinds.SelfServiceFailed).Single()["operation"], scenario.Data(CallEventKinds.SelfServiceFailed).Single()["reason"]));
        Assert.Empty(scenario.Data(CallEventKinds.SelfServiceSaid));
        Assert.Equal("failed-bad-answer", scenario.Transactions.All.Single(t => t.Type == "balance-enquiry").Outcome);
    }

    [Fact]
    public void A_bank_timing_out_on_the_balance_gets_a_sorry_and_an_agent()
    {
        using var scenario = new SelfServiceScenario();
        var caller = scenario.Call();
        scenario.Identify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null, TimeSpan.FromSeconds(15)));
        scenario.Bank.Behaviour = FakeCoreBank.Mode.Hang;
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('1');

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)), string.Join("\n", scenario.Harness.Journal.Events.Select(e => e.Kind + " " + e.Data)));
        Assert.Equal("timeout", scenario.Data(CallEventKinds.SelfServiceFailed).Single()["reason"]);
        Assert.Contains(scenario.Data(CallEventKinds.PromptMissing), d => d["prompt"] == "ss-bank-sorry");
    }
}
