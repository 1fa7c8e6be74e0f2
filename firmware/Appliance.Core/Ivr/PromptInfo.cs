namespace Appliance.Core.Ivr;

/// <summary>One prompt file: its language and name, whether it came with the firmware or was added, and where it is.</summary>
/// <param name="Source">"built-in" (shipped with the firmware) or "added" (with <c>appliance prompt add</c>).</param>
/// <param name="OverridesBuiltIn">An added prompt that replaces a built-in one of the same name.</param>
/// <param name="Seconds">The prompt's length once converted, when known.</param>
public sealed record PromptInfo(string Language, string Name, string Source, bool OverridesBuiltIn, string File, double? Seconds = null)
{
    /// <summary>The value of <see cref="Source"/> for prompts that came with the firmware.</summary>
    public const string BuiltIn = "built-in";

    /// <summary>The value of <see cref="Source"/> for prompts added on the box.</summary>
    public const string Added = "added";
}
