using Appliance.Sip.Transactions;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>Calls an agent's own, authenticated phone places to the box, handed to the <see cref="AgentDialPlan"/>.</summary>
public sealed partial class SipEndpoint
{
    /// <summary>
    /// What an authenticated phone may dial (feature codes); null refuses every call from a phone with 403, as a box
    /// without agent features does.
    /// </summary>
    public IAgentDialPlan? AgentDialPlan { get; set; }

    private void PhoneCall(SipSignalling signalling, ServerInviteTransaction transaction, IAgentDialPlan plan, string user)
    {
        var request = transaction.Request;
        // Escaped and plain characters of a user part are the same (RFC 3261 §19.1.4): some phones send *52 as %2A52.
        var dialled = Uri.UnescapeDataString(request.RequestUri.User ?? "");
        var decision = plan.Route(user, dialled);
        if (decision.Handler is not { } handler)
        {
            Refuse(transaction, decision.StatusCode, decision.Reason);
            return;
        }

        if (OpenInbound(signalling, transaction, "phone-" + user) is not { } channel)
        {
            return;
        }

        SipCallLog.PhoneCall(_logger, request.CallId, user, dialled, transaction.Remote, channel.Id);
        handler(channel);
    }
}
