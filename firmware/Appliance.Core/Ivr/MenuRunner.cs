using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr;

/// <summary>
/// Runs a voice menu on a call: greeting, menu prompt, one key with a timeout, and the invalid/timeout prompts
/// until the caller chooses or runs out of attempts. Keys pressed during a prompt cut it short, as callers expect.
/// </summary>
public sealed class MenuRunner(PromptLibrary prompts, ICallCenterDirectory directory)
{
    /// <summary>Runs <paramref name="menu"/> until the caller picks a queue or the menu lets them go.</summary>
    public async Task<MenuExit> RunAsync(CallSession call, MenuDefinition menu)
    {
        call.Log(CallEventKinds.MenuEnter, data: ("menu", menu.Name));
        await PlayAsync(call, menu.GreetingPrompt, stopOnDigit: true);
        var attempts = 0;
        while (attempts < menu.MaxAttempts)
        {
            await PlayAsync(call, menu.MenuPrompt, stopOnDigit: true);
            var digit = await call.Channel.ReadDigitAsync(menu.DigitTimeout);
            if (digit is not { } key)
            {
                attempts++;
                call.Log(CallEventKinds.MenuTimeout, data: [("menu", menu.Name), ("attempt", attempts)]);
                await PlayAsync(call, menu.TimeoutPrompt, stopOnDigit: true);
                continue;
            }

            if (!menu.Options.TryGetValue(key, out var action) || !IsUsable(action))
            {
                attempts++;
                call.Log(CallEventKinds.MenuInvalid, data: [("menu", menu.Name), ("digit", key.ToString()), ("attempt", attempts)]);
                call.Channel.FlushDigits();
                await PlayAsync(call, menu.InvalidPrompt, stopOnDigit: true);
                continue;
            }

            call.Log(CallEventKinds.MenuDigit, data: [("menu", menu.Name), ("digit", key.ToString())]);
            switch (action.Kind)
            {
                case MenuActionKind.Queue:
                    return MenuExit.ToQueue(action.Target!);
                case MenuActionKind.Hangup:
                    return MenuExit.Leave("hangup-key");
                case MenuActionKind.Menu:
                    menu = directory.Menu(action.Target!)!;
                    attempts = 0;
                    call.Log(CallEventKinds.MenuEnter, data: ("menu", menu.Name));
                    break;
                case MenuActionKind.Repeat:
                    break;
            }
        }

        return MenuExit.Leave("attempts");
    }

    /// <summary>Plays a named prompt; a prompt that cannot be loaded is logged against the call and skipped.</summary>
    public async Task<bool> PlayAsync(CallSession call, string prompt, bool stopOnDigit)
    {
        var clip = prompts.Get(prompt);
        if (clip is null)
        {
            call.Log(CallEventKinds.PromptMissing, data: [("prompt", prompt), ("path", prompts.PathOf(prompt))]);
            return true;
        }

        return await call.Channel.PlayAsync(clip.Play(), stopOnDigit);
    }

    // A key that points at a menu or queue that no longer exists counts as invalid rather than failing the call.
    private bool IsUsable(MenuAction action) => action.Kind switch
    {
        MenuActionKind.Menu => directory.Menu(action.Target!) is not null,
        MenuActionKind.Queue => directory.Queue(action.Target!) is not null,
        _ => true,
    };
}
