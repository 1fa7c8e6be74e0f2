namespace Appliance.Core.Configuration.Flow;

/// <summary>Sets a call variable (e.g. "service" = "cards", or "priority" = "5" for the queue), then goes on.</summary>
public sealed record SetNode : FlowNode
{
    /// <summary>The variable.</summary>
    public string Variable { get; init; } = "";

    /// <summary>Its new value.</summary>
    public string Value { get; init; } = "";

    /// <summary>The node after.</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next)];
}
