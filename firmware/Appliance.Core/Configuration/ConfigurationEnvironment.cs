namespace Appliance.Core.Configuration;

/// <summary>
/// What a configuration is checked against besides itself: the board's line ports, the SIP trunks configured on the
/// box, and which prompts exist in which language. Checks whose facts are not given are skipped.
/// </summary>
public sealed record ConfigurationEnvironment
{
    /// <summary>Nothing known: only the document's own consistency is checked.</summary>
    public static ConfigurationEnvironment None { get; } = new();

    /// <summary>How many line ports the board has, or null when unknown.</summary>
    public int? LineCount { get; init; }

    /// <summary>The SIP trunks' names, or null when unknown.</summary>
    public IReadOnlySet<string>? TrunkNames { get; init; }

    /// <summary>Whether prompt <c>name</c> exists in <c>language</c>, or null when prompts are not checked.</summary>
    public Func<string, string, bool>? PromptExists { get; init; }

    /// <summary>
    /// Why prompt <c>name</c>'s file in <c>language</c> cannot be played (a message naming the file), or null when it can
    /// or does not exist; null when prompt files are not checked.
    /// </summary>
    public Func<string, string, string?>? PromptProblem { get; init; }
}
