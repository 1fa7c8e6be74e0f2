namespace Appliance.Core.Configuration.Flow;

/// <summary>Plays an optional goodbye prompt and ends the call.</summary>
public sealed record HangupNode : FlowNode
{
    /// <summary>The goodbye prompt, or null for none.</summary>
    public string? Prompt { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [];
}
