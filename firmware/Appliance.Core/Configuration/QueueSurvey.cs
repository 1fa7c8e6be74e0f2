namespace Appliance.Core.Configuration;

/// <summary>
/// The post-call survey of a queue: when the agent hangs up first and the caller is still on the line, the caller hears
/// <see cref="Prompt"/> and rates the call with one key, 1 (poor) to 5 (excellent).
/// </summary>
public sealed record QueueSurvey
{
    /// <summary>The prompt asking for the rating, e.g. "survey".</summary>
    public string Prompt { get; init; } = "";

    /// <summary>Seconds the caller has to press a key after the prompt; no key means no score.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>Played once after a second key outside 1–5, before the call ends without a score; nothing when absent.</summary>
    public string? SorryPrompt { get; init; }
}
