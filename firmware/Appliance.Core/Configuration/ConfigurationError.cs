namespace Appliance.Core.Configuration;

/// <summary>One thing wrong with a configuration document: where (<paramref name="Path"/>, e.g. "menus[main].nodes[root].keys[1]") and what.</summary>
public sealed record ConfigurationError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
