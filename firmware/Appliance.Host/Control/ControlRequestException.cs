using System.Net;

namespace Appliance.Host.Control;

/// <summary>The appliance answered a control request with an error; the message is the appliance's own explanation.</summary>
public sealed class ControlRequestException : Exception
{
    public ControlRequestException()
    {
    }

    public ControlRequestException(string message)
        : base(message)
    {
    }

    public ControlRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ControlRequestException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>400 for a request the appliance refused, 5xx for a failure inside it.</summary>
    public HttpStatusCode StatusCode { get; }
}
