using Appliance.Banking;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Storage;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// The identify node: number and PIN (sensitive), checked with the core bank, up to the node's tries. Each check is a
/// "verify" transaction with the number masked; the digits themselves live only in locals of this flow.
/// </summary>
internal static class IdentifyStep
{
    public static async Task<string?> RunAsync(FlowRunner runner, SelfService service, CallSession call, MenuConfig menu, IdentifyNode node)
    {
        var card = node.Credential == "card";
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds);
        for (var attempt = 1; attempt <= node.Tries; attempt++)
        {
            if (attempt > 1)
            {
                await runner.PlayAsync(call, node.RetryPrompt, stopOnDigit: true);
            }

            var number = await SecretEntry.ReadAsync(runner, call, menu.Name, node.Id, node.NumberPrompt, card ? 16 : 8, 19, timeout);
            var pin = number is null ? null : await SecretEntry.ReadAsync(runner, call, menu.Name, node.Id, node.PinPrompt, node.PinDigits, node.PinDigits, timeout);
            if (number is null || pin is null)
            {
                continue;
            }

            var credential = new CustomerCredential(card ? CredentialKind.Card : CredentialKind.Account, number);
            var answer = await BankRequest.AskAsync(service, call, "verify", TimeSpan.FromSeconds(node.BankTimeoutSeconds),
                (bank, cancel) => bank.VerifyAsync(credential, pin, cancel));
            var masked = AccountMasking.Mask(number);
            if (answer.Value is not { } result || !Enum.IsDefined(result.Outcome) || (result.Outcome == VerificationOutcome.Verified && !Usable(result.Customer)))
            {
                var reason = answer.Failure ?? "bad-answer";
                Record(service, call, "failed-" + reason, masked);
                return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, "verify", reason);
            }

            var outcome = Outcome(result.Outcome);
            Record(service, call, outcome, result.Customer?.MaskedAccount ?? masked);
            call.Log(CallEventKinds.SelfService, data: [("menu", menu.Name), ("node", node.Id), ("operation", "verify"), ("outcome", outcome), ("attempt", attempt)]);
            if (result.Customer is { } customer)
            {
                call.Customer = customer;
                SelfServiceLog.Verified(service.Logger, call.CallId, customer.MaskedAccount);
                return node.Next;
            }

            if (result.Outcome == VerificationOutcome.Blocked)
            {
                break; // a blocked card stays blocked however often the caller tries
            }
        }

        return node.OnFailure;
    }

    // The customer's fields reach the agent's screen and the records: an answer with a full number in it is garbage.
    private static bool Usable(BankCustomer? customer) =>
        customer is { CustomerId.Length: > 0, Name.Length: > 0 } && AccountMasking.Problem(customer.MaskedAccount) is null;

    private static string Outcome(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Verified => "verified",
        VerificationOutcome.WrongPin => "wrong-pin",
        VerificationOutcome.UnknownNumber => "unknown-number",
        VerificationOutcome.Blocked => "blocked",
        _ => "blocked",
    };

    private static void Record(SelfService service, CallSession call, string outcome, string masked) =>
        service.Transactions.Record(new SelfServiceTransaction(
            Guid.NewGuid().ToString("N"), call.CallId, "verify", outcome, masked, null, "", call.Now));
}
