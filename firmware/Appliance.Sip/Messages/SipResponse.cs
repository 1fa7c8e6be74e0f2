namespace Appliance.Sip.Messages;

/// <summary>A SIP response: SIP/2.0 SP Status-Code SP Reason-Phrase.</summary>
public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string reasonPhrase)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// Builds a response to <paramref name="request"/> that copies Via, From, To, Call-ID and CSeq (§8.2.6.2),
    /// adding <paramref name="toTag"/> to To when given and To has none.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string reasonPhrase, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        response.Headers.CopyFrom(request.Headers, SipHeaderNames.Via);
        response.Headers.CopyFrom(request.Headers, SipHeaderNames.From);
        var to = request.Headers[SipHeaderNames.To];
        if (to is not null)
        {
            if (toTag is not null && request.To.Tag is null && statusCode > 100)
            {
                to += ";tag=" + toTag;
            }

            response.Headers.Add(SipHeaderNames.To, to);
        }

        response.Headers.CopyFrom(request.Headers, SipHeaderNames.CallId);
        response.Headers.CopyFrom(request.Headers, SipHeaderNames.CSeq);
        return response;
    }
}
