using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Ivr.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Ivr;

/// <summary>
/// Walks a caller through a voice menu's nodes (<see cref="MenuConfig"/>) until a queue node, a hang-up, or a failure.
/// Runs on the media loop; keys pressed during a prompt cut it short and count for the node that asks, as callers expect.
/// </summary>
public sealed class FlowRunner(PromptLibrary prompts, ICallCenterDirectory directory, SelfService? selfService = null)
{
    // Nodes such as set and condition take no time; a configuration that bounces between them must not spin the loop.
    private const int MaxSteps = 500;

    /// <summary>Runs <paramref name="menu"/> from its start node.</summary>
    public async Task<MenuExit> RunAsync(CallSession call, MenuConfig menu)
    {
        call.Log(CallEventKinds.MenuEnter, data: [("menu", menu.Name), ("language", call.Language)]);
        var node = NodeOf(menu, menu.Start);
        for (var step = 0; step < MaxSteps && node is not null; step++)
        {
            call.Visited(menu.Name, node.Id);
            string? next;
            switch (node)
            {
                case QueueNode queue:
                    return directory.Queue(queue.Queue) is null
                        ? Fail(call, menu, node, "no-queue")
                        : MenuExit.ToQueue(queue.Queue, Priority(call, queue));
                case GotoNode go:
                    if (directory.Menu(go.Menu) is not { } target)
                    {
                        return Fail(call, menu, node, "no-menu");
                    }

                    menu = target;
                    call.Log(CallEventKinds.MenuEnter, data: [("menu", menu.Name), ("language", call.Language)]);
                    next = menu.Start;
                    break;
                case HangupNode hangup:
                    if (hangup.Prompt is { } goodbye)
                    {
                        await PlayAsync(call, goodbye, stopOnDigit: false);
                    }

                    return MenuExit.Leave("hangup");
                case PlayNode play:
                    await PlayAsync(call, play.Prompt, play.Interruptible);
                    next = play.Next;
                    break;
                case MenuNode keys:
                    next = await MenuKeys.RunAsync(this, call, menu, keys);
                    break;
                case CollectNode collect:
                    next = await DigitCollector.RunAsync(this, call, menu, collect);
                    break;
                case LanguageNode language:
                    next = await ChooseLanguageAsync(call, menu, language);
                    break;
                case SetNode set:
                    call.Variables[set.Variable] = set.Value;
                    next = set.Next;
                    break;
                case BankNode bank when selfService is null:
                    next = await BankRequest.SorryAsync(this, null, call, menu.Name, bank, "self-service", "no-bank");
                    break;
                case IdentifyNode identify:
                    next = await IdentifyStep.RunAsync(this, selfService, call, menu, identify);
                    break;
                case BalanceNode balance:
                    next = await BalanceStep.RunAsync(this, selfService, call, menu, balance);
                    break;
                case CardLossNode loss:
                    next = await CardLossStep.RunAsync(this, selfService, call, menu, loss);
                    break;
                case BillStatusNode bill:
                    next = await BillStatusStep.RunAsync(this, selfService, call, menu, bill);
                    break;
                case ConditionNode condition:
                    next = Conditions.Choose(condition, call, directory);
                    break;
                default:
                    return Fail(call, menu, node, "unknown-node");
            }

            node = NodeOf(menu, next);
        }

        return Fail(call, menu, node, node is null ? "no-node" : "steps");
    }

    /// <summary>Plays a named prompt in the caller's language; a prompt that cannot be loaded is logged and skipped.</summary>
    public async Task<bool> PlayAsync(CallSession call, string prompt, bool stopOnDigit)
    {
        var clip = prompts.Get(call.Language, prompt);
        if (clip is null)
        {
            call.Log(CallEventKinds.PromptMissing, data: [("prompt", prompt), ("path", prompts.PathOf(call.Language, prompt))]);
            return true;
        }

        return await call.Channel.PlayAsync(clip.Play(), stopOnDigit);
    }

    /// <summary>Plays a prompt in the call's language to another leg of the call (an agent's phone).</summary>
    internal async Task<bool> PlayOnAsync(CallSession call, IChannel leg, string prompt)
    {
        var clip = prompts.Get(call.Language, prompt);
        if (clip is null)
        {
            call.Log(CallEventKinds.PromptMissing, data: [("prompt", prompt), ("path", prompts.PathOf(call.Language, prompt))]);
            return true;
        }

        return await leg.PlayAsync(clip.Play(), stopOnDigit: false);
    }

    /// <summary>The branch's time zone, in which dates are said to callers.</summary>
    internal TimeZoneInfo TimeZone => directory.TimeZone;

    /// <summary>Whether a key may lead to <paramref name="id"/>: not to a queue or menu that is gone.</summary>
    internal bool LeadsSomewhere(MenuConfig menu, string? id) => NodeOf(menu, id) switch
    {
        null => false,
        QueueNode queue => directory.Queue(queue.Queue) is not null,
        GotoNode go => directory.Menu(go.Menu) is not null,
        _ => true,
    };

    private static FlowNode? NodeOf(MenuConfig menu, string? id) => id is null ? null : menu.Nodes.FirstOrDefault(n => n.Id == id);

    private int Priority(CallSession call, QueueNode queue)
    {
        var variable = call.Variables.TryGetValue("priority", out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var set) ? set : 0;
        return Math.Clamp(Math.Max(Math.Max(queue.Priority, variable), directory.VipPriority(call.Channel.Caller.Number)), 0, 10);
    }

    private async Task<string?> ChooseLanguageAsync(CallSession call, MenuConfig menu, LanguageNode node)
    {
        await PlayAsync(call, node.Prompt, stopOnDigit: true);
        if (await call.Channel.ReadDigitAsync(TimeSpan.FromSeconds(node.TimeoutSeconds)) is { } key
            && node.Keys.FirstOrDefault(k => k.Key == key.ToString()) is { } chosen)
        {
            call.Language = chosen.Language;
            call.Pressed(chosen.Key);
            call.Log(CallEventKinds.MenuLanguage, data: [("menu", menu.Name), ("node", node.Id), ("language", chosen.Language)]);
        }

        return node.Next;
    }

    private static MenuExit Fail(CallSession call, MenuConfig menu, FlowNode? node, string reason)
    {
        call.Log(CallEventKinds.MenuFailed, data: [("menu", menu.Name), ("node", node?.Id), ("reason", reason)]);
        return MenuExit.Leave(reason);
    }
}
