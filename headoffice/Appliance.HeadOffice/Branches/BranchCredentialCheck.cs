namespace Appliance.HeadOffice.Branches;

/// <summary>The outcome of checking a branch id and key against the registry.</summary>
public enum BranchCredentialCheck
{
    /// <summary>Known branch, right key, not revoked.</summary>
    Valid,

    /// <summary>No such branch, or the key does not match: the caller proved nothing.</summary>
    Unknown,

    /// <summary>The right key of a branch that has been revoked.</summary>
    Revoked,
}
