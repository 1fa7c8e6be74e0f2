using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// Collects sensitive digits (card number, PIN) under a PCI pause: from the prompt until the last digit the recording
/// and any supervisor hear silence. The digits are returned to the node only; the event log sees their count.
/// </summary>
internal static class SecretEntry
{
    public static async Task<string?> ReadAsync(FlowRunner runner, CallSession call, string menu, string node, string prompt, int minDigits, int maxDigits, TimeSpan timeout)
    {
        call.BeginPciPause(menu, node);
        try
        {
            await runner.PlayAsync(call, prompt, stopOnDigit: true);
            var digits = new System.Text.StringBuilder(maxDigits);
            while (digits.Length < maxDigits && await call.Channel.ReadDigitAsync(timeout) is { } key && key != '#')
            {
                digits.Append(key);
            }

            var accepted = digits.Length >= minDigits && digits.ToString().All(char.IsAsciiDigit);
            call.Log(accepted ? CallEventKinds.MenuInput : CallEventKinds.MenuInvalid, data:
                [("menu", menu), ("node", node), ("length", digits.Length), ("sensitive", true)]);
            if (!accepted)
            {
                call.Channel.FlushDigits(); // a caller who typed ahead of a bad entry starts again clean
            }

            return accepted ? digits.ToString() : null;
        }
        finally
        {
            call.EndPciPause(menu, node);
        }
    }
}
