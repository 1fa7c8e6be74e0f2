namespace Appliance.Core.Configuration;

/// <summary>
/// A hotline: the lines, dialled numbers (DIDs) and trunks whose calls it takes, the menu they start in while the
/// branch is open, and the menu for after hours (a message, voicemail or another queue).
/// </summary>
public sealed record EntryPointConfig
{
    /// <summary>The entry point's name, unique among entry points.</summary>
    public string Name { get; init; } = "";

    /// <summary>Analog line ports (1-based) whose calls enter here; each port belongs to one entry point at most.</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];

    /// <summary>Dialled numbers (SIP Request-URI user part or DID) that enter here.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>SIP trunks (by configured name) whose calls enter here when no number matches.</summary>
    public IReadOnlyList<string> Trunks { get; init; } = [];

    /// <summary>The calendar that says when the entry point is open; null means always open.</summary>
    public string? Calendar { get; init; }

    /// <summary>The menu calls start in while open.</summary>
    public string Menu { get; init; } = "";

    /// <summary>The menu calls start in while closed; required when <see cref="Calendar"/> is set.</summary>
    public string? AfterHoursMenu { get; init; }

    /// <summary>The language callers hear first; null means the branch's first language.</summary>
    public string? Language { get; init; }
}
