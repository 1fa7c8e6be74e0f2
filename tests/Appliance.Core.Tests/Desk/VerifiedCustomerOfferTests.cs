using System.Text.Json;
using Appliance.Banking;
using Appliance.Core.Acd;
using Appliance.Core.Tests.Pci;
using Appliance.Core.Tests.SelfServiceNodes;

namespace Appliance.Core.Tests.Desk;

/// <summary>
/// Transfer to an agent with context: a caller who identified in the IVR (card and PIN) reaches the agent's screen pop as
/// the verified customer, by name and masked account; the offer holds no PIN and no full card number anywhere, and a
/// caller the bank did not verify reaches it as nobody.
/// </summary>
[Collection(SelfServiceCollection.Name)]
public sealed class VerifiedCustomerOfferTests
{
    [Fact]
    public void The_agent_s_offer_after_identify_carries_the_customer_s_name_and_masked_account_and_never_the_pin_or_card_number()
    {
        using var scenario = new PciScenario();
        var offers = new List<AgentOffer>();
        scenario.Harness.Offers.Changed += offers.Add;

        PciPauseRecordingTests.RunIdentifiedCall(scenario);

        var offer = offers.First(o => o.EndedAt is null);
        var customer = Assert.IsType<BankCustomer>(offer.Customer);
        Assert.Equal(("Chen Jing", "622202******7890", "C-7", "retail"), (customer.Name, customer.MaskedAccount, customer.CustomerId, customer.Segment));
        Assert.Equal("general", offer.Queue);
        Assert.Contains(offer.IvrPath, s => s.Node == "identify");
        AssertNoSecrets(offers);
    }

    [Theory]
    [InlineData(FakeCoreBank.Mode.Fail)]
    [InlineData(FakeCoreBank.Mode.Garbage)] // "verified", with the full card number where the masked account belongs
    public void A_caller_the_bank_did_not_verify_reaches_the_agent_as_nobody(FakeCoreBank.Mode behaviour)
    {
        using var scenario = new PciScenario();
        scenario.Bank.Behaviour = behaviour;
        var offers = new List<AgentOffer>();
        scenario.Harness.Offers.Changed += offers.Add;
        var caller = scenario.Call();

        scenario.KeyThroughIdentify(caller);
        Assert.True(scenario.StepUntil(() => offers.Count > 0, TimeSpan.FromSeconds(20)), "no agent was offered the call");

        Assert.Null(offers[0].Customer);
        Assert.Null(scenario.Active.Customer);
        AssertNoSecrets(offers);
        scenario.Harness.Clock.Post(caller.CallerHangsUp);
        scenario.Harness.WaitForFinished();
    }

    // The whole offer as a desktop would receive it, every field and variable.
    private static void AssertNoSecrets(IEnumerable<AgentOffer> offers)
    {
        foreach (var offer in offers)
        {
            var json = JsonSerializer.Serialize(offer);
            Assert.DoesNotContain(FakeCoreBank.Card, json, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeCoreBank.Pin, json, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeCoreBank.Card[6..^4], json, StringComparison.Ordinal);
        }
    }
}
