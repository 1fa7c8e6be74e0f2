namespace Appliance.Host.Control;

/// <summary>
/// A simulated call request the appliance cannot run, e.g. "line 9 does not exist (the board has 4 lines)".
/// The control API answers it as 400 with this message; the CLI prints it.
/// </summary>
public sealed class SimCallRejectedException : Exception
{
    public SimCallRejectedException()
    {
    }

    public SimCallRejectedException(string message)
        : base(message)
    {
    }

    public SimCallRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
