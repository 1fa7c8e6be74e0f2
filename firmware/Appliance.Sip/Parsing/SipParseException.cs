namespace Appliance.Sip.Parsing;

/// <summary>Raised by the typed header parsers when a value breaks the RFC 3261 grammar; carries the status a server should answer.</summary>
public sealed class SipParseException : FormatException
{
    public SipParseException(string message, int statusCode = 400)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public SipParseException()
        : this("Malformed SIP element.")
    {
    }

    public SipParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
    }

    /// <summary>The SIP status a server should answer with (400, 416, 505, 513...).</summary>
    public int StatusCode { get; }
}
