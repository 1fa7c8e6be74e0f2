namespace Appliance.Core.Configuration.Flow;

/// <summary>A key of a <see cref="MenuNode"/> ("0"–"9", "*", "#") and the node it leads to.</summary>
public sealed record MenuKey
{
    /// <summary>The key.</summary>
    public string Key { get; init; } = "";

    /// <summary>The node the key leads to.</summary>
    public string? Next { get; init; }
}
