using Appliance.Sip.Messages;

namespace Appliance.Sip.Parsing;

/// <summary>
/// What the parser made of some bytes: a message, or the status a server should answer (400, 505, 513...) and why.
/// A failed response is to be dropped, never answered (§16.7, RFC 4475 §3.1.2.19).
/// </summary>
public sealed class SipParseResult
{
    private SipParseResult(SipMessage? message, int statusCode, string reason, int bytesConsumed, bool isRequest)
    {
        Message = message;
        StatusCode = statusCode;
        Reason = reason;
        BytesConsumed = bytesConsumed;
        IsRequest = isRequest;
    }

    public bool Success => Message is not null;

    public SipMessage? Message { get; }

    /// <summary>200 on success; otherwise the status a server should send back.</summary>
    public int StatusCode { get; }

    /// <summary>"OK" on success; otherwise names what is wrong, suitable as the reason phrase or a log field.</summary>
    public string Reason { get; }

    /// <summary>How many input bytes the message used (trailing datagram bytes beyond Content-Length are not counted).</summary>
    public int BytesConsumed { get; }

    /// <summary>Whether the start line looked like a request, i.e. whether answering an error makes sense.</summary>
    public bool IsRequest { get; }

    public static SipParseResult Ok(SipMessage message, int bytesConsumed) =>
        new(message, 200, "OK", bytesConsumed, message is SipRequest);

    public static SipParseResult Fail(int statusCode, string reason, bool isRequest) =>
        new(null, statusCode, reason, 0, isRequest);

    public override string ToString() => Success ? $"OK ({BytesConsumed} bytes)" : $"{StatusCode} {Reason}";
}
