namespace Appliance.Banking;

/// <summary>An account's balance in integer minor units.</summary>
/// <param name="MaskedAccount">The account, masked.</param>
/// <param name="AvailableMinor">What the customer can spend now, in minor units (fen, cents); may be negative.</param>
/// <param name="LedgerMinor">The booked balance, in minor units.</param>
/// <param name="Currency">ISO 4217 code, e.g. CNY.</param>
public sealed record AccountBalance(string MaskedAccount, long AvailableMinor, long LedgerMinor, string Currency);
