namespace Appliance.Banking.Simulated;

/// <summary>What <c>appliance bank show</c> prints for testers: masked numbers only.</summary>
/// <param name="CustomerId">The customer's id.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="MaskedAccount">The account, masked.</param>
/// <param name="MaskedCard">The card, masked.</param>
/// <param name="AvailableMinor">Available balance in minor units.</param>
/// <param name="LedgerMinor">Booked balance in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CardState">Whether the card is usable.</param>
/// <param name="BlockReference">The lost-card reference, when the card was reported lost.</param>
public sealed record SimulatedAccountSummary(
    string CustomerId,
    string Name,
    string MaskedAccount,
    string MaskedCard,
    long AvailableMinor,
    long LedgerMinor,
    string Currency,
    SimulatedCardState CardState,
    string? BlockReference);
