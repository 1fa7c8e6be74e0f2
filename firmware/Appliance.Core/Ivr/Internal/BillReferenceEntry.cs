using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// Collects a bill's reference: digits until # or a pause. An entry too short or too long (a card number keyed by
/// mistake) is refused and thrown away unlogged, and the caller tries again; digits past the node's maximum are counted,
/// never kept, and the entry is read to its end so its # does not count for the next try.
/// </summary>
internal static class BillReferenceEntry
{
    // Keys read at most in one entry: a caller leaning on the keypad ends the entry here rather than never.
    private const int MaxKeys = 32;

    public static async Task<string?> ReadAsync(FlowRunner runner, CallSession call, string menu, BillStatusNode node)
    {
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds);
        for (var attempt = 1; attempt <= node.Retries; attempt++)
        {
            await runner.PlayAsync(call, node.ReferencePrompt, stopOnDigit: true);
            var digits = new System.Text.StringBuilder(node.MaxDigits);
            var length = 0;
            while (length < MaxKeys && await call.Channel.ReadDigitAsync(timeout) is { } key && key != '#')
            {
                if (length++ < node.MaxDigits)
                {
                    digits.Append(key);
                }
            }

            if (length >= node.MinDigits && length <= node.MaxDigits && digits.ToString().All(char.IsAsciiDigit))
            {
                call.Log(CallEventKinds.MenuInput, data: [("menu", menu), ("node", node.Id), ("length", length)]);
                return digits.ToString();
            }

            call.Log(CallEventKinds.MenuInvalid, data: [("menu", menu), ("node", node.Id), ("length", length), ("attempt", attempt)]);
            call.Channel.FlushDigits();
            await runner.PlayAsync(call, node.InvalidPrompt, stopOnDigit: true);
        }

        return null;
    }
}
