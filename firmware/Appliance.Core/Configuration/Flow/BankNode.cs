namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// A self-service node that asks the core bank something. The bank may be slow or down: after
/// <see cref="BankTimeoutSeconds"/> (or any failure or unusable answer) the caller hears <see cref="SorryPrompt"/> and
/// goes to <see cref="OnFailure"/>, normally a queue of agents, and the call goes on.
/// </summary>
public abstract record BankNode : FlowNode
{
    /// <summary>The longest the caller waits for the core bank's answer, in seconds.</summary>
    public int BankTimeoutSeconds { get; init; } = 5;

    /// <summary>Played when the bank could not answer, before <see cref="OnFailure"/>.</summary>
    public string SorryPrompt { get; init; } = "ss-bank-sorry";

    /// <summary>Where the caller goes when the bank fails or the caller cannot be served here (an agent queue).</summary>
    public string? OnFailure { get; init; }
}
