namespace Appliance.Banking;

/// <summary>The answer to a PIN check.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Customer">The verified customer; null unless <see cref="VerificationOutcome.Verified"/>.</param>
public sealed record VerificationResult(VerificationOutcome Outcome, BankCustomer? Customer = null);
