namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Identifies the caller with a card or account number and a PIN, both collected as sensitive digits (never logged,
/// recording paused), and checks them with the core bank. A verified caller becomes the call's customer and goes to
/// <see cref="Next"/>; after <see cref="Tries"/> failed checks the caller goes to <see cref="BankNode.OnFailure"/>.
/// </summary>
public sealed record IdentifyNode : BankNode
{
    /// <summary>"card" (16-19 digits) or "account" (8-19 digits).</summary>
    public string Credential { get; init; } = "card";

    /// <summary>Asks for the card or account number.</summary>
    public string NumberPrompt { get; init; } = "ss-enter-card";

    /// <summary>Asks for the PIN.</summary>
    public string PinPrompt { get; init; } = "ss-enter-pin";

    /// <summary>Played after a number or PIN the bank did not accept, before the next try.</summary>
    public string RetryPrompt { get; init; } = "ss-wrong-pin";

    /// <summary>How many digits the PIN has.</summary>
    public int PinDigits { get; init; } = 6;

    /// <summary>How many checks the caller gets.</summary>
    public int Tries { get; init; } = 3;

    /// <summary>Seconds to wait for the first digit and between digits.</summary>
    public int TimeoutSeconds { get; init; } = 8;

    /// <summary>The node after a successful check.</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next), new("failure", OnFailure)];
}
