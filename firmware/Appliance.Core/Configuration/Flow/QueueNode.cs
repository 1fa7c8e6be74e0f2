namespace Appliance.Core.Configuration.Flow;

/// <summary>Hands the caller to a queue; the menu ends here.</summary>
public sealed record QueueNode : FlowNode
{
    /// <summary>The queue's name.</summary>
    public string Queue { get; init; } = "";

    /// <summary>The caller's priority in the queue (0 ordinary … 10 highest), raising a VIP's own if higher.</summary>
    public int Priority { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [];
}
