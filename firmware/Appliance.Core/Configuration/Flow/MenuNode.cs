namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Plays a prompt and waits for one key. A key with no entry or no key in time replays the prompt after the invalid or
/// timeout prompt, up to <see cref="Retries"/> times; then the caller goes to <see cref="OnFailure"/>.
/// </summary>
public sealed record MenuNode : FlowNode
{
    /// <summary>The menu prompt.</summary>
    public string Prompt { get; init; } = "";

    /// <summary>What each key does; a key appears once.</summary>
    public IReadOnlyList<MenuKey> Keys { get; init; } = [];

    /// <summary>How long to wait for a key after the prompt, in seconds.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>How many wrong or missing keys the caller gets before <see cref="OnFailure"/>.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Played after a key that does nothing.</summary>
    public string InvalidPrompt { get; init; } = "invalid";

    /// <summary>Played when no key came in time.</summary>
    public string TimeoutPrompt { get; init; } = "timeout";

    /// <summary>Where the caller goes when the retries run out.</summary>
    public string? OnFailure { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() =>
        Keys.Select(k => new FlowExit("key " + k.Key, k.Next)).Append(new FlowExit("failure", OnFailure));
}
