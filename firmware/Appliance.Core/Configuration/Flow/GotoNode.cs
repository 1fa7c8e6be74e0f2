namespace Appliance.Core.Configuration.Flow;

/// <summary>Continues in another menu, at its start node.</summary>
public sealed record GotoNode : FlowNode
{
    /// <summary>The menu's name.</summary>
    public string Menu { get; init; } = "";

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [];
}
