namespace Appliance.HeadOffice.Branches;

/// <summary>An enrolment or revocation that cannot be done as asked (bad id, unknown branch, already enrolled).</summary>
public sealed class BranchRegistryException : Exception
{
    public BranchRegistryException()
    {
    }

    public BranchRegistryException(string message)
        : base(message)
    {
    }

    public BranchRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
