using Appliance.Core.Journal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>The identify node on the manual clock: verified, wrong PIN three times, a bank that hangs, fails or answers garbage.</summary>
[Collection(SelfServiceCollection.Name)]
public sealed class IdentifyNodeTests
{
    [Fact]
    public void A_verified_caller_becomes_the_call_s_customer_and_the_digits_reach_no_event_or_record()
    {
        using var scenario = new SelfServiceScenario();
        var caller = scenario.Call();
        scenario.Identify(caller);

        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null || scenario.Active.Queue is not null, TimeSpan.FromSeconds(20)) && scenario.Active.Customer is not null, string.Join("\n", scenario.Harness.Journal.Events.Select(e => e.Kind + " " + e.Data)));
        Assert.Equal(FakeCoreBank.Customer, scenario.Active.Customer);
        Assert.Equal("verified", scenario.Data(CallEventKinds.SelfService).Single()["outcome"]);
        Assert.Equal(2, scenario.Data(CallEventKinds.PciPauseStart).Count); // number, then PIN
        Assert.Equal(2, scenario.Data(CallEventKinds.PciPauseEnd).Count);
        Assert.False(scenario.Active.PciPaused);
        var verify = Assert.Single(scenario.Transactions.All);
        Assert.Equal(("verify", "verified", "622202******7890"), (verify.Type, verify.Outcome, verify.MaskedAccount));
        var everything = string.Join('\n', scenario.Harness.Journal.Events.Select(e => e.Data)) + string.Join('\n', scenario.Transactions.All);
        Assert.DoesNotContain(FakeCoreBank.Card, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeCoreBank.Pin, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_wrong_pins_send_the_caller_to_the_agent_queue()
    {
        using var scenario = new SelfServiceScenario();
        var caller = scenario.Call();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            scenario.Identify(caller, pin: "999999");
            var tries = attempt + 1;
            Assert.True(scenario.StepUntil(() => scenario.Bank.Verifications == tries, TimeSpan.FromSeconds(15)), tries + string.Join("\n", scenario.Harness.Journal.Events.Select(e => e.Kind + " " + e.Data)));
        }

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        Assert.Equal("general", scenario.Active.Queue);
        Assert.Null(scenario.Active.Customer);
        Assert.Equal(3, scenario.Bank.Verifications);
        Assert.All(scenario.Transactions.All, t => Assert.Equal("wrong-pin", t.Outcome));
        Assert.Equal(3, scenario.Transactions.All.Count);
    }

    [Theory]
    [InlineData(FakeCoreBank.Mode.Hang, "timeout")]
    [InlineData(FakeCoreBank.Mode.Fail, "unavailable")]
    [InlineData(FakeCoreBank.Mode.Garbage, "bad-answer")]
    public void A_bank_that_cannot_answer_gets_the_caller_a_sorry_and_an_agent_and_the_call_goes_on(FakeCoreBank.Mode behaviour, string reason)
    {
        using var scenario = new SelfServiceScenario();
        scenario.Bank.Behaviour = behaviour;
        var caller = scenario.Call();
        scenario.Identify(caller);
        var asked = scenario.Harness.Time.GetUtcNow();

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        var failed = scenario.Data(CallEventKinds.SelfServiceFailed).Single();
        Assert.Equal(("verify", reason), (failed["operation"], failed["reason"]));
        Assert.Contains(scenario.Data(CallEventKinds.PromptMissing), d => d["prompt"] == "ss-bank-sorry");
        Assert.Equal("general", scenario.Active.Queue);
        Assert.Null(scenario.Active.Customer);
        Assert.Equal("failed-" + reason, scenario.Transactions.All.Single().Outcome);
        if (behaviour == FakeCoreBank.Mode.Hang)
        {
            // The default bank timeout is 5 s from the last PIN key; `asked` is read up to 100 ms after that key.
            Assert.InRange(scenario.Harness.Time.GetUtcNow() - asked, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(5.1));
        }

        Assert.Contains(scenario.Harness.CallCenter.ActiveCalls, c => c.CallId == scenario.Active.CallId);
    }
}
