using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>The balance node: asks the core bank and reads the available balance aloud; a "balance-enquiry" transaction.</summary>
internal static class BalanceStep
{
    public static async Task<string?> RunAsync(FlowRunner runner, SelfService service, CallSession call, MenuConfig menu, BalanceNode node)
    {
        if (call.Customer is not { } customer)
        {
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, "balance", "not-verified");
        }

        var answer = await BankRequest.AskAsync(service, call, "balance", TimeSpan.FromSeconds(node.BankTimeoutSeconds),
            (bank, cancel) => bank.GetBalanceAsync(customer.CustomerId, cancel));
        if (answer.Value is not { } balance || !MoneyWords.CanSay(balance.AvailableMinor, balance.Currency))
        {
            var reason = answer.Failure ?? "bad-answer";
            Record(service, call, "failed-" + reason, customer.MaskedAccount, null, "");
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, "balance", reason);
        }

        Record(service, call, "completed", customer.MaskedAccount, balance.AvailableMinor, balance.Currency);
        call.Log(CallEventKinds.SelfService, data: [("menu", menu.Name), ("node", node.Id), ("operation", "balance"), ("outcome", "completed")]);
        List<string> prompts = [node.Prompt];
        MoneyWords.Say(call.Language, balance.AvailableMinor, balance.Currency, prompts);
        await SaidPrompts.PlayAsync(runner, call, menu.Name, node.Id, prompts);
        return node.Next;
    }

    private static void Record(SelfService service, CallSession call, string outcome, string masked, long? amount, string currency) =>
        service.Transactions.Record(new SelfServiceTransaction(
            Guid.NewGuid().ToString("N"), call.CallId, "balance-enquiry", outcome, masked, amount, currency, call.Now));
}
