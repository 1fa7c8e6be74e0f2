namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Tells a verified caller where a bill payment stands: collects the bill's reference number (keyed, ended by # or a
/// pause), asks the core bank and reads the state back: paid (with the amount and the day it was paid, when the bank
/// gives them), pending, refused, or no such bill. A caller not yet identified goes to <see cref="BankNode.OnFailure"/>.
/// </summary>
/// <remarks>
/// A bill reference is not a secret (it names a bill, not an account, and gives no access), so it is not collected under
/// a PCI pause and is kept in the transaction's notes and the call's events. To keep a card number typed here by mistake
/// out of them, <see cref="MaxDigits"/> stays below the shortest card number (16 digits).
/// </remarks>
public sealed record BillStatusNode : BankNode
{
    /// <summary>Asks for the bill's reference number.</summary>
    public string ReferencePrompt { get; init; } = "ss-enter-bill";

    /// <summary>Played after an entry with too few digits, before the next try.</summary>
    public string InvalidPrompt { get; init; } = "invalid";

    /// <summary>"This bill has been paid."</summary>
    public string PaidPrompt { get; init; } = "ss-bill-paid";

    /// <summary>"The amount was", followed by the amount (only when the bank gives one).</summary>
    public string AmountPrompt { get; init; } = "ss-bill-amount";

    /// <summary>"It was paid on", followed by the month and day (only when the bank gives the date).</summary>
    public string PaidOnPrompt { get; init; } = "ss-bill-paid-on";

    /// <summary>"This payment is still being processed."</summary>
    public string PendingPrompt { get; init; } = "ss-bill-pending";

    /// <summary>"This payment was refused or returned."</summary>
    public string FailedPrompt { get; init; } = "ss-bill-failed";

    /// <summary>"We found no bill with that number."</summary>
    public string UnknownPrompt { get; init; } = "ss-bill-unknown";

    /// <summary>The fewest digits of a reference.</summary>
    public int MinDigits { get; init; } = 4;

    /// <summary>The most digits of a reference (at most 15: see the remarks).</summary>
    public int MaxDigits { get; init; } = 15;

    /// <summary>Seconds to wait for the first digit and between digits.</summary>
    public int TimeoutSeconds { get; init; } = 8;

    /// <summary>How many entries with too few digits before <see cref="BankNode.OnFailure"/>.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The node after the state was read back (whatever it was).</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next), new("failure", OnFailure)];
}
