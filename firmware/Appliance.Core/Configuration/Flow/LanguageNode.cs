namespace Appliance.Core.Configuration.Flow;

/// <summary>Lets the caller choose the language by key; without a key in time the current language stays.</summary>
public sealed record LanguageNode : FlowNode
{
    /// <summary>The prompt listing the choices (usually recorded in every language at once).</summary>
    public string Prompt { get; init; } = "";

    /// <summary>The keys and their languages; a key appears once.</summary>
    public IReadOnlyList<LanguageKey> Keys { get; init; } = [];

    /// <summary>Seconds to wait for a key.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>The node after the choice.</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next)];
}
