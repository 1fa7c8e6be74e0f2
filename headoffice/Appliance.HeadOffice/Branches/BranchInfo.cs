namespace Appliance.HeadOffice.Branches;

/// <summary>A registered branch as <c>branch list</c> shows it; never carries the key.</summary>
public sealed record BranchInfo(string BranchId, BranchStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? RevokedAt, long AppliedRecords);
