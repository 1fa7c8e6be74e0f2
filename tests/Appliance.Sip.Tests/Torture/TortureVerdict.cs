namespace Appliance.Sip.Tests.Torture;

/// <summary>What RFC 4475 says an element must do with a message.</summary>
public enum TortureVerdict
{
    /// <summary>Well-formed and processable.</summary>
    Accept,

    /// <summary>Malformed: refused by the parser with the given status (responses are dropped).</summary>
    ParseError,

    /// <summary>Well-formed, but the UAS must refuse it by policy (416, 420, 415, 406).</summary>
    PolicyReject,
}
