namespace Appliance.Core.Configuration.Flow;

/// <summary>A way out of a node: what takes it (<paramref name="Label"/>) and the id of the node it leads to (null when unset).</summary>
public readonly record struct FlowExit(string Label, string? Target);
