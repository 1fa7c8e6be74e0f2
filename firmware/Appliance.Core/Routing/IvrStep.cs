namespace Appliance.Core.Routing;

/// <summary>One node a caller reached in a voice menu, and the key they pressed there (menu and language nodes only).</summary>
/// <param name="Menu">The menu's name.</param>
/// <param name="Node">The node's id.</param>
/// <param name="Key">The key that led on from a menu node, else null (collected digits are variables, never path keys).</param>
public sealed record IvrStep(string Menu, string Node, string? Key);
