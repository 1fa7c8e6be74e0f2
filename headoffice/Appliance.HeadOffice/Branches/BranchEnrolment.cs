namespace Appliance.HeadOffice.Branches;

/// <summary>The result of enrolling a branch: the key is shown this once and is not recoverable afterwards.</summary>
public sealed record BranchEnrolment(string BranchId, string Key, bool Reinstated);
