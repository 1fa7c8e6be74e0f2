using Appliance.Banking;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// The bill-status node: the bill's reference keyed by the caller, the core bank's answer read back (paid with amount and
/// day, pending, refused, unknown); a "bill-status" transaction whose outcome is the state.
/// </summary>
internal static class BillStatusStep
{
    private const string Operation = "bill-status";

    public static async Task<string?> RunAsync(FlowRunner runner, SelfService service, CallSession call, MenuConfig menu, BillStatusNode node)
    {
        if (call.Customer is not { } customer)
        {
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, Operation, "not-verified");
        }

        if (await BillReferenceEntry.ReadAsync(runner, call, menu.Name, node) is not { } reference)
        {
            return node.OnFailure;
        }

        var answer = await BankRequest.AskAsync(service, call, Operation, TimeSpan.FromSeconds(node.BankTimeoutSeconds),
            (bank, cancel) => bank.GetBillPaymentStatusAsync(customer.CustomerId, reference, cancel));
        if (answer.Value is not { } status || !Usable(status, reference))
        {
            var reason = answer.Failure ?? "bad-answer";
            Record(service, call, "failed-" + reason, customer.MaskedAccount, null, "", reference);
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, Operation, reason);
        }

        var state = StateName(status.State);
        var paid = status.State == BillPaymentState.Paid;
        Record(service, call, state, customer.MaskedAccount, paid ? status.AmountMinor : null, paid && status.AmountMinor is not null ? status.Currency! : "", reference);
        SelfServiceLog.BillStatus(service.Logger, call.CallId, customer.MaskedAccount, state);
        call.Log(CallEventKinds.SelfService, data:
            [("menu", menu.Name), ("node", node.Id), ("operation", Operation), ("outcome", state), ("reference", reference)]);
        await SaidPrompts.PlayAsync(runner, call, menu.Name, node.Id, Prompts(node, status, call.Language, runner.TimeZone));
        return node.Next;
    }

    private static List<string> Prompts(BillStatusNode node, BillPaymentStatus status, string language, TimeZoneInfo zone)
    {
        switch (status.State)
        {
            case BillPaymentState.Pending:
                return [node.PendingPrompt];
            case BillPaymentState.Failed:
                return [node.FailedPrompt];
            case BillPaymentState.Unknown:
                return [node.UnknownPrompt];
        }

        List<string> prompts = [node.PaidPrompt];
        if (status.AmountMinor is { } amount)
        {
            prompts.Add(node.AmountPrompt);
            MoneyWords.Say(language, amount, status.Currency!, prompts);
        }

        if (status.SettledAt is { } settled)
        {
            prompts.Add(node.PaidOnPrompt);
            DateWords.Say(language, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(settled, zone).DateTime), prompts);
        }

        return prompts;
    }

    // An answer about another bill, a state this box does not know, or an amount it cannot say is garbage.
    private static bool Usable(BillPaymentStatus status, string reference) =>
        status.Reference == reference
        && Enum.IsDefined(status.State)
        && (status.State != BillPaymentState.Paid || status.AmountMinor is null || MoneyWords.CanSay(status.AmountMinor.Value, status.Currency));

    private static string StateName(BillPaymentState state) => state switch
    {
        BillPaymentState.Paid => "paid",
        BillPaymentState.Pending => "pending",
        BillPaymentState.Failed => "refused",
        _ => "unknown",
    };

    private static void Record(SelfService service, CallSession call, string outcome, string masked, long? amount, string currency, string reference) =>
        service.Transactions.Record(new SelfServiceTransaction(
            Guid.NewGuid().ToString("N"), call.CallId, "bill-status", outcome, masked, amount, currency, call.Now, "bill " + reference));
}
