namespace Appliance.Sip.Messages;

/// <summary>A SIP request: Method SP Request-URI SP SIP/2.0.</summary>
public sealed class SipRequest : SipMessage
{
    public SipRequest(string method, SipUri requestUri)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The method exactly as received; methods are case-sensitive (§7.1).</summary>
    public string Method { get; }

    public SipUri RequestUri { get; set; }

    public int? MaxForwards => Headers[SipHeaderNames.MaxForwards] is { } value && int.TryParse(value, out var hops) ? hops : null;
}
