using Appliance.Core.Configuration.Flow;
using Appliance.Core.Directory;
using Appliance.Storage;

namespace Appliance.Core.Configuration.Internal;

/// <summary>
/// Reads a box configured before configuration documents (the lines, menus, queues and agents tables) into its first
/// document, so upgrading keeps its set-up. Each old menu becomes greeting → menu (keys) → goodbye.
/// </summary>
internal static class LegacyConfiguration
{
    public static CallCenterConfiguration? FromTables(ApplianceDatabase database)
    {
        var lines = new LineRepository(database).List();
        var menus = new MenuRepository(database).List();
        var queues = new QueueRepository(database).List();
        var agents = new AgentRepository(database).List().Where(a => a.Enabled).ToList();
        if (lines.Count == 0 && menus.Count == 0 && queues.Count == 0 && agents.Count == 0)
        {
            return null;
        }

        var agentIds = agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return new CallCenterConfiguration
        {
            EntryPoints =
            [
                .. lines.Where(l => l.Enabled && l.EntryMenu is not null).GroupBy(l => l.EntryMenu!)
                    .Select(g => new EntryPointConfig { Name = "lines-" + g.Key, Lines = [.. g.Select(l => l.Port)], Menu = g.Key }),
            ],
            Menus = [.. menus.Select(ToMenu)],
            Queues =
            [
                .. queues.Select(q => new QueueConfig
                {
                    Name = q.Name,
                    RingTimeoutSeconds = Math.Clamp(q.RingTimeoutSeconds, 5, 300),
                    MaxWaitSeconds = q.MaxWaitSeconds,
                    WrapUpSeconds = q.WrapUpSeconds,
                    Members = [.. q.Members.Where(m => agentIds.Contains(m.AgentId)).Select(m => new QueueMember { Agent = m.AgentId, Penalty = m.Penalty })],
                }),
            ],
            Agents =
            [
                .. agents.Select(a => new AgentConfig
                {
                    Id = a.Id,
                    Name = a.Name,
                    Extension = a.Extension,
                    Simulated = a.Simulated ? new SimulatedPhone { AnswerAfterMilliseconds = a.SimAnswerAfterMilliseconds ?? 3000, ToneHz = a.SimTalkToneHz ?? 1400 } : null,
                }),
            ],
        };
    }

    private static MenuConfig ToMenu(MenuRecord menu)
    {
        var nodes = new List<FlowNode>
        {
            new PlayNode { Id = "greeting", Prompt = menu.GreetingPrompt, Next = "menu" },
            new HangupNode { Id = "goodbye", Prompt = menu.GoodbyePrompt },
        };
        var keys = new List<MenuKey>();
        foreach (var option in menu.Options)
        {
            var action = MenuAction.Parse(option.Action);
            var target = action.Kind switch
            {
                MenuActionKind.Queue => AddOnce(nodes, new QueueNode { Id = "queue-" + action.Target, Queue = action.Target! }),
                MenuActionKind.Menu => AddOnce(nodes, new GotoNode { Id = "menu-" + action.Target, Menu = action.Target! }),
                MenuActionKind.Repeat => "menu",
                _ => "goodbye",
            };
            keys.Add(new MenuKey { Key = option.Digit.ToString(), Next = target });
        }

        nodes.Insert(1, new MenuNode
        {
            Id = "menu",
            Prompt = menu.MenuPrompt,
            Keys = keys,
            TimeoutSeconds = menu.DigitTimeoutSeconds,
            Retries = menu.MaxAttempts,
            InvalidPrompt = menu.InvalidPrompt,
            TimeoutPrompt = menu.TimeoutPrompt,
            OnFailure = "goodbye",
        });
        return new MenuConfig { Name = menu.Name, Start = "greeting", Nodes = nodes };
    }

    private static string AddOnce(List<FlowNode> nodes, FlowNode node)
    {
        if (!nodes.Any(n => n.Id == node.Id))
        {
            nodes.Add(node);
        }

        return node.Id;
    }
}
