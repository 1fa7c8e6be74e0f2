using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>
/// The bill-status node on the manual clock: each state read back (paid with amount and the day in the branch's time
/// zone, pending, refused, unknown), a bank that fails, a caller not identified first, a card number keyed by mistake.
/// </summary>
[Collection(SelfServiceCollection.Name)]
public sealed class BillStatusNodeTests
{
    [Theory]
    [InlineData(5, "ss-bill-paid ss-bill-amount num-1 num-hundred num-20 cur-cny num-50 cur-cny-fen ss-bill-paid-on month-12 day-2")]
    [InlineData(6, "ss-bill-paid ss-bill-amount num-1 num-hundred num-2 num-10 cur-cny num-5 cur-cny-jiao ss-bill-paid-on num-10 num-2 date-month num-2 date-day")]
    public void A_paid_bill_is_read_back_with_its_amount_and_the_local_day_it_was_paid(int line, string expected)
    {
        // Paid 2026-12-01 19:00 UTC: 2 December in the branch's Asia/Shanghai.
        using var scenario = AtBill(line, out var caller);
        scenario.Keys(caller, "880012#");

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfServiceSaid).Count > 0, TimeSpan.FromSeconds(15)));
        Assert.Equal(expected, scenario.Data(CallEventKinds.SelfServiceSaid).Single()["prompts"]);
        Assert.Equal(["880012"], scenario.Bank.BillsAsked);
        var status = scenario.Transactions.All.Single(t => t.Type == "bill-status");
        Assert.Equal(("paid", 12_050L, "CNY", "622202******7890", "bill 880012"), (status.Outcome, status.AmountMinor!.Value, status.Currency, status.MaskedAccount, status.Notes));
        var done = scenario.Data(CallEventKinds.SelfService).Single(d => d["operation"] == "bill-status");
        Assert.Equal(("paid", "880012"), (done["outcome"], done["reference"]));
        Assert.Equal(CallOutcome.EndedInMenu, scenario.Harness.WaitForFinished().Detail.Outcome); // on to the goodbye node
    }

    [Theory]
    [InlineData("880013", "ss-bill-pending", "pending")]
    [InlineData("880014", "ss-bill-failed", "refused")]
    [InlineData("123456", "ss-bill-unknown", "unknown")]
    public void Other_states_are_read_back_with_their_prompt_and_recorded_without_an_amount(string reference, string prompt, string outcome)
    {
        using var scenario = AtBill(5, out var caller);
        scenario.Keys(caller, reference + "#");

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfServiceSaid).Count > 0, TimeSpan.FromSeconds(15)));
        Assert.Equal(prompt, scenario.Data(CallEventKinds.SelfServiceSaid).Single()["prompts"]);
        var status = scenario.Transactions.All.Single(t => t.Type == "bill-status");
        Assert.Equal((outcome, (long?)null, ""), (status.Outcome, status.AmountMinor, status.Currency));
        Assert.Equal(CallOutcome.EndedInMenu, scenario.Harness.WaitForFinished().Detail.Outcome);
    }

    [Theory]
    [InlineData(FakeCoreBank.Mode.Fail, "unavailable")]
    [InlineData(FakeCoreBank.Mode.Hang, "timeout")]
    [InlineData(FakeCoreBank.Mode.Garbage, "bad-answer")]
    public void A_bank_that_fails_gets_a_sorry_and_the_failure_exit(FakeCoreBank.Mode behaviour, string reason)
    {
        using var scenario = AtBill(5, out var caller);
        scenario.Bank.Behaviour = behaviour;
        scenario.Keys(caller, "880012#");

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        Assert.Equal("general", scenario.Active.Queue);
        var failed = scenario.Data(CallEventKinds.SelfServiceFailed).Single();
        Assert.Equal(("bill-status", reason), (failed["operation"], failed["reason"]));
        Assert.Contains(scenario.Data(CallEventKinds.PromptMissing), d => d["prompt"] == "ss-bank-sorry"); // the harness has no recordings
        Assert.Empty(scenario.Data(CallEventKinds.SelfServiceSaid));
        Assert.Equal("failed-" + reason, scenario.Transactions.All.Single(t => t.Type == "bill-status").Outcome);
    }

    [Fact]
    public void A_caller_not_identified_first_is_not_asked_for_a_bill_and_goes_to_an_agent()
    {
        var menu = new MenuConfig
        {
            Name = "bank",
            Start = "bill",
            Nodes = [new BillStatusNode { Id = "bill", Next = "agent", OnFailure = "agent" }, new QueueNode { Id = "agent", Queue = "general" }],
        };
        using var scenario = new SelfServiceScenario(menu);
        scenario.Call();

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(15)));
        Assert.Equal("not-verified", scenario.Data(CallEventKinds.SelfServiceFailed).Single()["reason"]);
        Assert.Empty(scenario.Bank.BillsAsked);
        Assert.Empty(scenario.Data(CallEventKinds.MenuInput));
        Assert.Empty(scenario.Transactions.All);
    }

    [Fact]
    public void A_card_number_keyed_by_mistake_is_refused_and_kept_nowhere_and_the_caller_tries_again()
    {
        using var scenario = AtBill(5, out var caller);
        scenario.Keys(caller, FakeCoreBank.Card + "#");
        scenario.Step(TimeSpan.FromSeconds(1));
        scenario.Keys(caller, "880013#");

        Assert.True(scenario.StepUntil(() => scenario.Data(CallEventKinds.SelfServiceSaid).Count > 0, TimeSpan.FromSeconds(15)));
        Assert.Equal(["880013"], scenario.Bank.BillsAsked);
        Assert.Single(scenario.Data(CallEventKinds.MenuInvalid), d => d["node"] == "bill");
        var everything = string.Join('\n', scenario.Harness.Journal.Events.Select(e => e.Data)) + string.Join('\n', scenario.Transactions.All);
        Assert.DoesNotContain(FakeCoreBank.Card[..15], everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_too_short_every_time_end_at_the_failure_exit_without_asking_the_bank()
    {
        using var scenario = AtBill(5, out var caller);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            scenario.Keys(caller, "12#");
            scenario.Step(TimeSpan.FromSeconds(1));
        }

        Assert.True(scenario.StepUntil(() => scenario.Active.Queue is not null, TimeSpan.FromSeconds(30)));
        Assert.Equal(3, scenario.Data(CallEventKinds.MenuInvalid).Count(d => d["node"] == "bill"));
        Assert.Empty(scenario.Bank.BillsAsked);
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_node_named()
    {
        var menu = SelfServiceScenario.BankMenu();
        menu = menu with
        {
            Nodes = [.. menu.Nodes.Select(n => n is BillStatusNode b ? b with { MaxDigits = 16, Retries = 0, Next = null } : n)],
        };
        using var scenario = new SelfServiceScenario(menu);
        var errors = ConfigurationValidator.Validate(scenario.Configuration);

        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[bill].maxDigits" && e.Message.Contains("16", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[bill].retries");
        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[bill]" && e.Message.Contains("next", StringComparison.Ordinal));
    }

    // Identified, then key 3 in the services menu: the bill node is asking for the reference.
    private static SelfServiceScenario AtBill(int line, out Fakes.FakeCallerChannel caller)
    {
        var scenario = new SelfServiceScenario();
        caller = scenario.Call(line);
        scenario.Identify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Customer is not null, TimeSpan.FromSeconds(15)));
        scenario.Step(TimeSpan.FromSeconds(1));
        caller.Press('3');
        scenario.Step(TimeSpan.FromSeconds(1));
        return scenario;
    }
}
