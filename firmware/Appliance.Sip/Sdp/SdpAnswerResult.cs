namespace Appliance.Sip.Sdp;

/// <summary>An answer and what it agreed on, or the SIP status (488) and reason for refusing the offer.</summary>
public sealed record SdpAnswerResult(SdpSessionDescription? Answer, SdpNegotiatedMedia? Media, int StatusCode, string Reason)
{
    public bool Accepted => Answer is not null;

    public static SdpAnswerResult Refuse(string reason) => new(null, null, 488, reason);
}
