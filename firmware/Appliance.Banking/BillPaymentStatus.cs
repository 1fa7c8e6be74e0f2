namespace Appliance.Banking;

/// <summary>The answer to a bill-payment status question.</summary>
/// <param name="Reference">The bill reference asked about.</param>
/// <param name="State">Where the payment stands.</param>
/// <param name="AmountMinor">The bill's amount in minor units, when known.</param>
/// <param name="Currency">ISO 4217 code, when the amount is known.</param>
/// <param name="SettledAt">When it was paid, for <see cref="BillPaymentState.Paid"/>.</param>
public sealed record BillPaymentStatus(string Reference, BillPaymentState State, long? AmountMinor = null, string? Currency = null, DateTimeOffset? SettledAt = null);
