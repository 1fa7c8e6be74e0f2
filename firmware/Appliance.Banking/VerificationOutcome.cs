namespace Appliance.Banking;

/// <summary>How a PIN check ended.</summary>
public enum VerificationOutcome
{
    /// <summary>Number and PIN match; <see cref="VerificationResult.Customer"/> is set.</summary>
    Verified,

    /// <summary>The number is known but the PIN is wrong.</summary>
    WrongPin,

    /// <summary>No card or account with that number.</summary>
    UnknownNumber,

    /// <summary>The card or account is blocked (lost, or too many wrong PINs at the bank).</summary>
    Blocked,
}
