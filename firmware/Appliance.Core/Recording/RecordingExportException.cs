namespace Appliance.Core.Recording;

/// <summary>An export that could not be done; the message names what is wrong.</summary>
public sealed class RecordingExportException : Exception
{
    public RecordingExportException()
    {
    }

    public RecordingExportException(string message)
        : base(message)
    {
    }

    public RecordingExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
