using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Ivr;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// A collect node: digits until the maximum, the terminator or a pause, retried when too few. The digits of a sensitive
/// node go into the call's variables only; the event log sees their count, never the digits.
/// </summary>
internal static class DigitCollector
{
    public static async Task<string?> RunAsync(FlowRunner runner, CallSession call, MenuConfig menu, CollectNode node)
    {
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds);
        if (node.Sensitive)
        {
            call.BeginPciPause(menu.Name, node.Id);
        }

        try
        {
            return await CollectAsync(runner, call, menu, node, timeout);
        }
        finally
        {
            call.EndPciPause(menu.Name, node.Id);
        }
    }

    private static async Task<string?> CollectAsync(FlowRunner runner, CallSession call, MenuConfig menu, CollectNode node, TimeSpan timeout)
    {
        for (var attempt = 1; attempt <= node.Retries; attempt++)
        {
            await runner.PlayAsync(call, node.Prompt, stopOnDigit: true);
            var digits = new System.Text.StringBuilder(node.MaxDigits);
            while (digits.Length < node.MaxDigits && await call.Channel.ReadDigitAsync(timeout) is { } key)
            {
                if (node.Terminator is { } end && end[0] == key)
                {
                    break;
                }

                digits.Append(key);
            }

            if (digits.Length >= node.MinDigits)
            {
                if (node.Sensitive)
                {
                    call.MarkSensitive(node.Variable);
                }

                call.Variables[node.Variable] = digits.ToString();
                call.Log(CallEventKinds.MenuInput, data:
                [
                    ("menu", menu.Name), ("node", node.Id), ("variable", node.Variable),
                    ("digits", node.Sensitive ? null : digits.ToString()), ("length", digits.Length), ("sensitive", node.Sensitive),
                ]);
                return node.Next;
            }

            call.Log(CallEventKinds.MenuInvalid, data: [("menu", menu.Name), ("node", node.Id), ("length", digits.Length), ("attempt", attempt)]);
            call.Channel.FlushDigits();
            await runner.PlayAsync(call, node.InvalidPrompt, stopOnDigit: true);
        }

        return node.OnFailure;
    }
}
