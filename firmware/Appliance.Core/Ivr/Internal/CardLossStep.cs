using System.Globalization;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Storage;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// The card-loss node: confirm with 1 (2 declines), block through the core bank, read the reference back digit by
/// digit; a "card-block" transaction.
/// </summary>
internal static class CardLossStep
{
    private const int MaxReferenceDigits = 24;

    public static async Task<string?> RunAsync(FlowRunner runner, SelfService service, CallSession call, MenuConfig menu, CardLossNode node)
    {
        if (call.Customer is not { } customer)
        {
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, "card-block", "not-verified");
        }

        switch (await ConfirmAsync(runner, call, menu, node))
        {
            case '2':
                call.Log(CallEventKinds.SelfService, data: [("menu", menu.Name), ("node", node.Id), ("operation", "card-block"), ("outcome", "declined")]);
                return node.Declined;
            case null:
                return node.OnFailure;
        }

        var answer = await BankRequest.AskAsync(service, call, "card-block", TimeSpan.FromSeconds(node.BankTimeoutSeconds),
            (bank, cancel) => bank.ReportCardLostAsync(customer.CustomerId, cancel));
        if (answer.Value is not { } block || !IsReference(block.Reference) || AccountMasking.Problem(block.MaskedCard) is not null)
        {
            var reason = answer.Failure ?? "bad-answer";
            Record(service, call, "failed-" + reason, customer.MaskedAccount, "");
            return await BankRequest.SorryAsync(runner, service, call, menu.Name, node, "card-block", reason);
        }

        var outcome = block.AlreadyBlocked ? "already-blocked" : "completed";
        Record(service, call, outcome, block.MaskedCard, "reference " + block.Reference);
        SelfServiceLog.CardBlocked(service.Logger, call.CallId, block.MaskedCard, block.Reference);
        call.Log(CallEventKinds.SelfService, data:
            [("menu", menu.Name), ("node", node.Id), ("operation", "card-block"), ("outcome", outcome), ("reference", block.Reference)]);
        List<string> prompts = [node.BlockedPrompt, node.ReferencePrompt, .. block.Reference.Select(d => "num-" + d.ToString(CultureInfo.InvariantCulture))];
        await SaidPrompts.PlayAsync(runner, call, menu.Name, node.Id, prompts);
        return node.Next;
    }

    // 1 or 2, or null once the tries ran out.
    private static async Task<char?> ConfirmAsync(FlowRunner runner, CallSession call, MenuConfig menu, CardLossNode node)
    {
        for (var attempt = 1; attempt <= node.Retries; attempt++)
        {
            await runner.PlayAsync(call, node.ConfirmPrompt, stopOnDigit: true);
            var key = await call.Channel.ReadDigitAsync(TimeSpan.FromSeconds(node.TimeoutSeconds));
            if (key is '1' or '2')
            {
                call.Pressed(key.Value.ToString());
                call.Log(CallEventKinds.MenuDigit, data: [("menu", menu.Name), ("node", node.Id), ("digit", key.Value.ToString())]);
                return key;
            }

            call.Log(key is null ? CallEventKinds.MenuTimeout : CallEventKinds.MenuInvalid, data: [("menu", menu.Name), ("node", node.Id), ("attempt", attempt)]);
            call.Channel.FlushDigits();
        }

        return null;
    }

    private static bool IsReference(string? reference) =>
        reference is { Length: > 0 and <= MaxReferenceDigits } && reference.All(char.IsAsciiDigit);

    private static void Record(SelfService service, CallSession call, string outcome, string masked, string notes) =>
        service.Transactions.Record(new SelfServiceTransaction(
            Guid.NewGuid().ToString("N"), call.CallId, "card-block", outcome, masked, null, "", call.Now, notes));
}
