namespace Appliance.Banking;

/// <summary>What number the caller keyed in to identify themselves.</summary>
public enum CredentialKind
{
    /// <summary>A card number (PAN), 16 to 19 digits.</summary>
    Card,

    /// <summary>An account number.</summary>
    Account,
}
