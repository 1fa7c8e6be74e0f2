using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration;

/// <summary>A voice menu: a graph of <see cref="FlowNode"/>s, entered at <see cref="Start"/>.</summary>
public sealed record MenuConfig
{
    /// <summary>The menu's name, unique among menus.</summary>
    public string Name { get; init; } = "";

    /// <summary>The id of the node the menu starts at.</summary>
    public string Start { get; init; } = "";

    /// <summary>The nodes; ids unique within the menu.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; init; } = [];
}
