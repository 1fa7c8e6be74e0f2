namespace Appliance.HeadOffice.Branches;

/// <summary>Whether a branch may sync.</summary>
public enum BranchStatus
{
    Active,
    Revoked,
}
