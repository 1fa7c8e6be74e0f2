namespace Appliance.HeadOffice.Branches;

/// <summary>
/// The gRPC metadata keys that carry credentials: a branch presents its id and key to head office, and head office
/// presents its key to a branch's report service.
/// </summary>
public static class BranchMetadata
{
    /// <summary>The calling branch's id.</summary>
    public const string BranchIdKey = "x-branch-id";

    /// <summary>The calling branch's key, as issued at enrolment.</summary>
    public const string BranchKeyKey = "x-branch-key";

    /// <summary>Head office's key when it calls a branch's report service.</summary>
    public const string HeadOfficeKeyKey = "x-headoffice-key";
}
