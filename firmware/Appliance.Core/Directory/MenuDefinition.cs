namespace Appliance.Core.Directory;

/// <summary>A voice menu: its prompts, how long it waits for a key, how many tries, and what each key does.</summary>
public sealed record MenuDefinition(
    string Name,
    string GreetingPrompt,
    string MenuPrompt,
    string InvalidPrompt,
    string TimeoutPrompt,
    string GoodbyePrompt,
    TimeSpan DigitTimeout,
    int MaxAttempts,
    IReadOnlyDictionary<char, MenuAction> Options);
