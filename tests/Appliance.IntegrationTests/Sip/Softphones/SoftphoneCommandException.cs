namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>The box refused what a softphone command sent (e.g. 405 to a REFER); the message quotes its status line.</summary>
public sealed class SoftphoneCommandException : Exception
{
    public SoftphoneCommandException()
    {
    }

    public SoftphoneCommandException(string message)
        : base(message)
    {
    }

    public SoftphoneCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
