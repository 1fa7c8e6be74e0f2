using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration.Internal;

/// <summary>
/// Every menu, with goto nodes joining them, as one graph: from every node some path must end the menu (a queue or a
/// hang-up). A loop with no way out would keep a caller forever, so it is refused, named by the nodes it holds.
/// </summary>
internal static class FlowGraph
{
    public static void CheckEveryPathEnds(IReadOnlyList<MenuConfig> menus, ConfigurationIndex index, ErrorList errors)
    {
        var successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var finishes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var menu in menus.Where(m => ReferenceEquals(index.Menus.GetValueOrDefault(m.Name), m)))
        {
            var ids = menu.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var node in menu.Nodes)
            {
                var key = Key(menu.Name, node.Id);
                var next = successors.TryGetValue(key, out var list) ? list : successors[key] = [];
                next.AddRange(node.Exits().Where(e => e.Target is not null && ids.Contains(e.Target)).Select(e => Key(menu.Name, e.Target!)));
                if (node is GotoNode go && index.Menus.TryGetValue(go.Menu, out var target))
                {
                    next.Add(Key(target.Name, target.Start));
                }

                // A node that ends the menu finishes; so does one with a broken exit, which FlowRules already names
                // (calling it a trapped loop too would only repeat the error).
                if (node is QueueNode or HangupNode || node.Exits().Any(e => e.Target is null || !ids.Contains(e.Target)))
                {
                    finishes.Add(key);
                }
            }
        }

        var canFinish = CanReach(successors, finishes);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, _) in successors)
        {
            if (canFinish.Contains(node) || reported.Contains(node))
            {
                continue;
            }

            var trapped = Closure(node, successors);
            reported.UnionWith(trapped);
            var (menu, id) = Split(node);
            errors.Add($"menus[{menu}].nodes[{id}]", $"a loop with no way out: from here no path reaches a queue or a hang-up ({string.Join(" → ", trapped)})");
        }
    }

    private static HashSet<string> CanReach(Dictionary<string, List<string>> successors, HashSet<string> finishes)
    {
        var predecessors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in successors)
        {
            foreach (var to in targets)
            {
                (predecessors.TryGetValue(to, out var list) ? list : predecessors[to] = []).Add(from);
            }
        }

        var reached = new HashSet<string>(finishes, StringComparer.Ordinal);
        var work = new Queue<string>(finishes);
        while (work.TryDequeue(out var node))
        {
            foreach (var before in predecessors.GetValueOrDefault(node) ?? [])
            {
                if (reached.Add(before))
                {
                    work.Enqueue(before);
                }
            }
        }

        return reached;
    }

    private static List<string> Closure(string start, Dictionary<string, List<string>> successors)
    {
        var seen = new List<string> { start };
        for (var i = 0; i < seen.Count; i++)
        {
            seen.AddRange((successors.GetValueOrDefault(seen[i]) ?? []).Where(n => !seen.Contains(n)).Distinct());
        }

        return seen;
    }

    private static string Key(string menu, string node) => menu + "/" + node;

    private static (string Menu, string Node) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
