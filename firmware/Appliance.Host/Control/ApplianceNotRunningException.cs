namespace Appliance.Host.Control;

/// <summary>Nothing answers on the control socket: no appliance is running on that data directory.</summary>
public sealed class ApplianceNotRunningException : Exception
{
    public ApplianceNotRunningException()
    {
    }

    public ApplianceNotRunningException(string message)
        : base(message)
    {
    }

    public ApplianceNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
