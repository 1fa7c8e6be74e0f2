using Appliance.Core.Acd.Internal.Announcements;
using Appliance.Core.Configuration;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Agrees the number to call back with a caller who pressed the callback key: their caller ID is read back ("press 1
/// to confirm, 2 to enter another number"); a caller without a usable one, or who presses 2, keys a number (min/max
/// digits, # ends it early) that is read back in turn. The caller stays in the queue meanwhile.
/// </summary>
internal static class CallbackDialog
{
    private const int MaxSteps = 6;
    private static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(6);

    /// <summary>The confirmed number, or null when the caller confirmed none (they go on waiting as before).</summary>
    public static async Task<string?> RunAsync(FlowRunner menus, CallSession call, QueueCallback settings, CancellationToken stop)
    {
        var number = Usable(call.Channel.Caller.Number, settings);
        var prompts = new List<string>(24);
        for (var step = 0; step < MaxSteps && !stop.IsCancellationRequested; step++)
        {
            call.Channel.FlushDigits();
            if (number is null)
            {
                number = await CollectAsync(menus, call, settings, stop);
                continue;
            }

            prompts.Clear();
            AnnouncementText.ReadBack(number, prompts);
            foreach (var prompt in prompts)
            {
                if (stop.IsCancellationRequested || !await menus.PlayAsync(call, prompt, stopOnDigit: true))
                {
                    break;
                }
            }

            switch (await call.Channel.ReadDigitAsync(KeyTimeout, stop))
            {
                case '1':
                    return number;
                case '2':
                    number = null;
                    break;
            }
        }

        return null;
    }

    private static async Task<string?> CollectAsync(FlowRunner menus, CallSession call, QueueCallback settings, CancellationToken stop)
    {
        await menus.PlayAsync(call, "callback-enter-number", stopOnDigit: true);
        var digits = new System.Text.StringBuilder(settings.MaxDigits);
        while (digits.Length < settings.MaxDigits && await call.Channel.ReadDigitAsync(KeyTimeout, stop) is { } key && key != '#')
        {
            if (char.IsAsciiDigit(key))
            {
                digits.Append(key);
            }
        }

        if (digits.Length >= settings.MinDigits)
        {
            return digits.ToString();
        }

        call.Log(CallEventKinds.MenuInvalid, call.Queue, data: [("node", "callback-number"), ("length", digits.Length)]);
        await menus.PlayAsync(call, "invalid", stopOnDigit: true);
        return null;
    }

    // A caller ID is used as it is when it is all digits (an international "+" dropped) of an acceptable length.
    private static string? Usable(string? callerId, QueueCallback settings)
    {
        var digits = callerId?.TrimStart('+');
        return digits is { Length: > 0 } && digits.All(char.IsAsciiDigit) && digits.Length >= settings.MinDigits && digits.Length <= settings.MaxDigits
            ? digits
            : null;
    }
}
