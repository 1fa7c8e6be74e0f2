namespace Appliance.Core.Configuration.Flow;

/// <summary>A key of a <see cref="LanguageNode"/> and the language it chooses.</summary>
public sealed record LanguageKey
{
    /// <summary>The key.</summary>
    public string Key { get; init; } = "";

    /// <summary>The language (one of the branch's languages).</summary>
    public string Language { get; init; } = "";
}
