namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Reports a verified caller's card lost: asks to confirm (1 yes, 2 no), blocks the card through the core bank and
/// reads the bank's reference back digit by digit. A caller not yet identified goes to <see cref="BankNode.OnFailure"/>.
/// </summary>
public sealed record CardLossNode : BankNode
{
    /// <summary>"To block your card, press 1. To cancel, press 2."</summary>
    public string ConfirmPrompt { get; init; } = "ss-card-loss-confirm";

    /// <summary>"Your card is now blocked."</summary>
    public string BlockedPrompt { get; init; } = "ss-card-blocked";

    /// <summary>"Your reference number is", followed by the digits.</summary>
    public string ReferencePrompt { get; init; } = "ss-reference-is";

    /// <summary>Seconds to wait for the confirming key.</summary>
    public int TimeoutSeconds { get; init; } = 8;

    /// <summary>How many missing or wrong keys before <see cref="BankNode.OnFailure"/>.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The node after the card was blocked.</summary>
    public string? Next { get; init; }

    /// <summary>The node when the caller pressed 2 (no block).</summary>
    public string? Declined { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next), new("declined", Declined), new("failure", OnFailure)];
}
