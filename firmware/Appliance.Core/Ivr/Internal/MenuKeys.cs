using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Ivr;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>A menu node: the prompt, one key, and the invalid or timeout prompt until a key leads on or the tries run out.</summary>
internal static class MenuKeys
{
    public static async Task<string?> RunAsync(FlowRunner runner, CallSession call, MenuConfig menu, MenuNode node)
    {
        for (var attempt = 1; attempt <= node.Retries; attempt++)
        {
            await runner.PlayAsync(call, node.Prompt, stopOnDigit: true);
            var digit = await call.Channel.ReadDigitAsync(TimeSpan.FromSeconds(node.TimeoutSeconds));
            if (digit is not { } key)
            {
                call.Log(CallEventKinds.MenuTimeout, data: [("menu", menu.Name), ("node", node.Id), ("attempt", attempt)]);
                await runner.PlayAsync(call, node.TimeoutPrompt, stopOnDigit: true);
                continue;
            }

            var choice = node.Keys.FirstOrDefault(k => k.Key == key.ToString());
            if (choice is null || !runner.LeadsSomewhere(menu, choice.Next))
            {
                call.Log(CallEventKinds.MenuInvalid, data: [("menu", menu.Name), ("node", node.Id), ("digit", key.ToString()), ("attempt", attempt)]);
                call.Channel.FlushDigits();
                await runner.PlayAsync(call, node.InvalidPrompt, stopOnDigit: true);
                continue;
            }

            call.Pressed(key.ToString());
            call.Log(CallEventKinds.MenuDigit, data: [("menu", menu.Name), ("node", node.Id), ("digit", key.ToString())]);
            return choice.Next;
        }

        return node.OnFailure;
    }
}
