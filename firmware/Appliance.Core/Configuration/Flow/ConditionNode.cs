namespace Appliance.Core.Configuration.Flow;

/// <summary>Goes to the first rule's node whose test holds, else to <see cref="Else"/>.</summary>
public sealed record ConditionNode : FlowNode
{
    /// <summary>The tests, in order.</summary>
    public IReadOnlyList<ConditionRule> Rules { get; init; } = [];

    /// <summary>The node taken when no test holds.</summary>
    public string? Else { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() =>
        Rules.Select((r, i) => new FlowExit($"rule {i + 1}", r.Next)).Append(new FlowExit("else", Else));
}
