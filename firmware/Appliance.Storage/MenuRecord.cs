namespace Appliance.Storage;

/// <summary>A voice menu with its options. Prompt values are prompt names ("greeting" plays greeting.wav). Equality compares the options too.</summary>
/// <param name="Name">Unique name, used by lines and in actions as "menu:NAME".</param>
/// <param name="GreetingPrompt">Played once on entry.</param>
/// <param name="MenuPrompt">Lists the choices; repeated on each attempt.</param>
/// <param name="InvalidPrompt">Played after a key with no option.</param>
/// <param name="TimeoutPrompt">Played when no key comes in time.</param>
/// <param name="GoodbyePrompt">Played before hanging up.</param>
/// <param name="DigitTimeoutSeconds">How long to wait for a key after the menu prompt (1-60).</param>
/// <param name="MaxAttempts">How many invalid or missing keys before goodbye (1-10).</param>
/// <param name="Options">The keys, ordered by digit as stored.</param>
public sealed record MenuRecord(
    string Name,
    string GreetingPrompt,
    string MenuPrompt,
    string InvalidPrompt,
    string TimeoutPrompt,
    string GoodbyePrompt,
    int DigitTimeoutSeconds,
    int MaxAttempts,
    IReadOnlyList<MenuOptionRecord> Options)
{
    /// <inheritdoc />
    public bool Equals(MenuRecord? other) =>
        other is not null
        && Name == other.Name
        && GreetingPrompt == other.GreetingPrompt
        && MenuPrompt == other.MenuPrompt
        && InvalidPrompt == other.InvalidPrompt
        && TimeoutPrompt == other.TimeoutPrompt
        && GoodbyePrompt == other.GoodbyePrompt
        && DigitTimeoutSeconds == other.DigitTimeoutSeconds
        && MaxAttempts == other.MaxAttempts
        && Options.SequenceEqual(other.Options);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, MenuPrompt, DigitTimeoutSeconds, MaxAttempts, Options.Count);
}
