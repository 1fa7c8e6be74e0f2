namespace Appliance.Host.Hosting.Internal;

/// <summary>Another appliance (or some other program) holds this data directory's lock or control socket.</summary>
internal sealed class ApplianceAlreadyRunningException : Exception
{
    public ApplianceAlreadyRunningException()
    {
    }

    public ApplianceAlreadyRunningException(string message)
        : base(message)
    {
    }

    public ApplianceAlreadyRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
