using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Telephony.Sip;

/// <summary>
/// What the <see cref="SipEndpoint"/> asks about requests that do not come from a trunk: the registrar answers REGISTER,
/// and every other request is challenged (or refused for a banned source) before anything else looks at it.
/// </summary>
public interface ISipAccessControl
{
    /// <summary>The response to a REGISTER: 200 with the bindings, 401 with a challenge, 403 for a banned source.</summary>
    SipResponse Register(SipRequest request, IPEndPoint source, string transport);

    /// <summary>
    /// The response that stops a request from a non-trunk source (401 challenge, 403, 503 when rate-limited), or null when
    /// the request carries valid credentials and may proceed.
    /// </summary>
    SipResponse? Challenge(SipRequest request, IPEndPoint source);

    /// <summary>
    /// Like <see cref="Challenge(SipRequest, IPEndPoint)"/>, and when the request may proceed, <paramref name="user"/> is
    /// the user its credentials proved (null from an access control that does not say).
    /// </summary>
    SipResponse? Challenge(SipRequest request, IPEndPoint source, out string? user)
    {
        user = null;
        return Challenge(request, source);
    }
}
