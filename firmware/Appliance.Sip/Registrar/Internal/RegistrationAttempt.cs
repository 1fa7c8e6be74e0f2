using Appliance.Sip.Messages;

namespace Appliance.Sip.Registrar.Internal;

/// <summary>
/// One REGISTER on its way. Responses are only acted on while their attempt is the client's current one, so late
/// answers to superseded requests (retransmissions, a stop in between) change nothing.
/// </summary>
internal sealed class RegistrationAttempt(SipRequest request, bool unregister, int expires)
{
    public SipRequest Request { get; } = request;

    /// <summary>An Expires: 0 REGISTER sent by StopAsync.</summary>
    public bool Unregister { get; } = unregister;

    public int Expires { get; } = expires;

    /// <summary>401 or 407 when this request answers a challenge received just before it; 0 when its credentials (if any) were cached.</summary>
    public int AnsweredStatus { get; init; }

    /// <summary>The nonces of the challenge this request answers.</summary>
    public IReadOnlySet<string> AnsweredNonces { get; init; } = new HashSet<string>();

    /// <summary>The Via branch of <see cref="Request"/>: responses carrying it are this attempt's.</summary>
    public string? Branch { get; } = request.TopVia.Branch;
}
