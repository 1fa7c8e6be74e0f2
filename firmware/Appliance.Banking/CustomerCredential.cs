namespace Appliance.Banking;

/// <summary>The number a caller identifies with. Sensitive: never logged, stored or sent anywhere but the core bank.</summary>
/// <param name="Kind">Card or account number.</param>
/// <param name="Number">The digits as keyed.</param>
public sealed record CustomerCredential(CredentialKind Kind, string Number)
{
    /// <summary>Keeps the digits out of logs and exception messages that print records.</summary>
    public override string ToString() => $"{Kind} ******";
}
