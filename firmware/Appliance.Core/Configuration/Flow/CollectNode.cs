namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Collects digits (an account number, a PIN…) into a variable: at least <see cref="MinDigits"/>, at most
/// <see cref="MaxDigits"/>, ended early by <see cref="Terminator"/>. Digits of a sensitive node are never logged, stored
/// in events or recorded.
/// </summary>
public sealed record CollectNode : FlowNode
{
    /// <summary>The prompt asking for the digits.</summary>
    public string Prompt { get; init; } = "";

    /// <summary>The variable the digits are stored in.</summary>
    public string Variable { get; init; } = "";

    /// <summary>The fewest digits accepted.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>The most digits taken; collection ends when this many are in.</summary>
    public int MaxDigits { get; init; } = 20;

    /// <summary>The key that ends the entry early ("#" or "*"), or null for none.</summary>
    public string? Terminator { get; init; } = "#";

    /// <summary>Seconds to wait for the first digit and between digits.</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>How many failed entries the caller gets before <see cref="OnFailure"/>.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Played after an entry that is too short.</summary>
    public string InvalidPrompt { get; init; } = "invalid";

    /// <summary>Whether the digits are secret (card numbers, PINs): masked everywhere, recording paused.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The node after a good entry.</summary>
    public string? Next { get; init; }

    /// <summary>Where the caller goes when the retries run out.</summary>
    public string? OnFailure { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next), new("failure", OnFailure)];
}
