namespace Appliance.Sip.Sdp;

/// <summary>An SDP body breaks RFC 4566 or our limits; the message names the line or limit.</summary>
public sealed class SdpParseException : FormatException
{
    public SdpParseException(string message)
        : base(message)
    {
    }

    public SdpParseException()
        : this("Malformed SDP.")
    {
    }

    public SdpParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
