namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// Reads a verified caller's available balance aloud, the amount and currency composed from recorded number words in
/// the caller's language. A caller not yet identified goes to <see cref="BankNode.OnFailure"/>.
/// </summary>
public sealed record BalanceNode : BankNode
{
    /// <summary>"Your available balance is".</summary>
    public string Prompt { get; init; } = "ss-balance-is";

    /// <summary>The node after the balance was read.</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next), new("failure", OnFailure)];
}
