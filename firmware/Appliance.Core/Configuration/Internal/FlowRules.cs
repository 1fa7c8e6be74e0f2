using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration.Internal;

/// <summary>Each menu and node on its own: ids, exits that lead to nodes that exist, keys, prompts, numbers in range.</summary>
internal static class FlowRules
{
    public static void Check(IReadOnlyList<MenuConfig> menus, ConfigurationIndex index, ConfigurationEnvironment environment, ErrorList errors)
    {
        errors.Unique(menus, m => m.Name, "menus", "menu");
        foreach (var menu in menus)
        {
            var path = $"menus[{menu.Name}]";
            Names.Check(errors, path + ".name", menu.Name, "menu name");
            errors.Unique(menu.Nodes, n => n.Id, path + ".nodes", "node id");
            var ids = menu.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            if (!ids.Contains(menu.Start))
            {
                errors.Add(path + ".start", $"'{menu.Start}' is not a node of this menu");
            }

            foreach (var node in menu.Nodes)
            {
                var at = $"{path}.nodes[{node.Id}]";
                Names.Check(errors, at + ".id", node.Id, "node id");
                foreach (var exit in node.Exits())
                {
                    if (exit.Target is null)
                    {
                        errors.Add(at, $"has no exit for {exit.Label}: every way out of a node must lead somewhere");
                    }
                    else if (!ids.Contains(exit.Target))
                    {
                        errors.Add(at, $"{exit.Label} leads to '{exit.Target}', which is not a node of this menu");
                    }
                }

                NodeRules.Check(node, at, index, errors);
                foreach (var prompt in Prompts(node))
                {
                    CheckPrompt(prompt, at, index, environment, errors);
                }
            }
        }
    }

    private static IEnumerable<string> Prompts(FlowNode node) => node switch
    {
        PlayNode play => [play.Prompt],
        MenuNode menu => [menu.Prompt, menu.InvalidPrompt, menu.TimeoutPrompt],
        CollectNode collect => [collect.Prompt, collect.InvalidPrompt],
        LanguageNode language => [language.Prompt],
        HangupNode { Prompt: { } goodbye } => [goodbye],
        IdentifyNode identify => [identify.NumberPrompt, identify.PinPrompt, identify.RetryPrompt, identify.SorryPrompt],
        BalanceNode balance => [balance.Prompt, balance.SorryPrompt],
        CardLossNode loss => [loss.ConfirmPrompt, loss.BlockedPrompt, loss.ReferencePrompt, loss.SorryPrompt],
        BillStatusNode bill =>
            [bill.ReferencePrompt, bill.InvalidPrompt, bill.PaidPrompt, bill.AmountPrompt, bill.PaidOnPrompt, bill.PendingPrompt, bill.FailedPrompt, bill.UnknownPrompt, bill.SorryPrompt],
        _ => [],
    };

    internal static void CheckPrompt(string prompt, string at, ConfigurationIndex index, ConfigurationEnvironment environment, ErrorList errors)
    {
        if (!Names.IsPromptName(prompt))
        {
            errors.Add(at, $"prompt '{prompt}' must be a file name without extension or folder");
            return;
        }

        if (environment.PromptExists is { } exists)
        {
            foreach (var language in index.Languages.Where(l => !exists(l, prompt)))
            {
                errors.Add(at, $"prompt '{prompt}' has no recording in language '{language}'");
            }
        }

        if (environment.PromptProblem is { } problemOf)
        {
            foreach (var language in index.Languages)
            {
                if (problemOf(language, prompt) is { } problem)
                {
                    errors.Add(at, $"prompt '{prompt}' in language '{language}' is not audio this box can play: {problem}");
                }
            }
        }
    }
}
