namespace Appliance.HeadOffice.Branches;

/// <summary>What a branch id may look like: it travels in metadata, file names and CSV, so it stays plain.</summary>
public static class BranchIds
{
    /// <summary>Longest accepted branch id.</summary>
    public const int MaxLength = 64;

    /// <summary>1–64 characters of ASCII letters, digits, '.', '_' and '-'.</summary>
    public static bool IsValid(string? branchId) =>
        !string.IsNullOrEmpty(branchId)
        && branchId.Length <= MaxLength
        && branchId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <exception cref="BranchRegistryException">The id is not valid; the message says why.</exception>
    public static void Validate(string? branchId)
    {
        if (!IsValid(branchId))
        {
            throw new BranchRegistryException(
                $"Branch id '{branchId}' is not valid: use 1-{MaxLength} ASCII letters, digits, '.', '_' or '-'.");
        }
    }
}
