using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Transactions;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>
/// Blind transfer asked by a phone (RFC 3515 REFER in the dialog): the call flow decides whether the target is one it
/// may ring (an agent or a queue, never an outside line) and the phone hears the outcome in a NOTIFY whose body is a
/// message/sipfrag status line, as RFC 3515 §2.4.5 says.
/// </summary>
public sealed partial class SipEndpoint
{
    private void Refer(SipServerTransaction transaction)
    {
        if (!TryFindDialog(transaction, out var channel))
        {
            return;
        }

        var request = transaction.Request;
        if (TransferTarget(request) is not { } target)
        {
            Refuse(transaction, 400, "Bad Request (Refer-To)");
            return;
        }

        if (channel.Transfer != SipTransferState.None)
        {
            Refuse(transaction, 491, "Request Pending");
            return;
        }

        // RFC 4488: "Refer-Sub: false" asks for no NOTIFY at all.
        var subscribe = !string.Equals(request.Headers["Refer-Sub"]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        channel.Transfer = SipTransferState.Asked;
        var handled = channel.TryRequestTransfer(target);
        SipCallLog.TransferAsked(_logger, channel.Dialog.CallId, channel.Id, target, handled && channel.Transfer != SipTransferState.Refused);
        if (!handled || channel.Transfer == SipTransferState.Refused)
        {
            channel.Transfer = SipTransferState.None;
            Refuse(transaction, 603, "Declined");
            return;
        }

        var accepted = SipMessages.Response(request, 202, "Accepted");
        if (!subscribe)
        {
            accepted.Headers.Add("Refer-Sub", "false");
        }

        TrySend(transaction, accepted);
        channel.TransferSubscribed = subscribe;
        if (channel.Transfer == SipTransferState.Taken)
        {
            NotifyTransfer(channel, "200 OK", final: true);
        }
        else
        {
            NotifyTransfer(channel, "100 Trying", final: false);
        }
    }

    /// <summary>The call flow's answer to a transfer request; before the REFER is answered it only marks the outcome.</summary>
    internal void ReportTransfer(SipChannel channel, bool accepted)
    {
        switch (channel.Transfer)
        {
            case SipTransferState.Asked:
                channel.Transfer = accepted ? SipTransferState.Taken : SipTransferState.Refused;
                break;
            case SipTransferState.Pending:
                channel.Transfer = SipTransferState.None;
                NotifyTransfer(channel, accepted ? "200 OK" : "603 Declined", final: true);
                break;
        }
    }

    private void NotifyTransfer(SipChannel channel, string status, bool final)
    {
        channel.Transfer = final ? SipTransferState.None : SipTransferState.Pending;
        if (!channel.TransferSubscribed || !_dialogs.ContainsKey(channel.Dialog.Key))
        {
            return;
        }

        var signalling = channel.Signalling;
        var notify = channel.Dialog.CreateRequest(SipMethods.Notify, signalling.Transport.Protocol, signalling.Advertised);
        notify.Headers.Add(SipHeaderNames.Contact, signalling.Contact);
        notify.Headers.Add("Event", "refer");
        notify.Headers.Add("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60");
        notify.Headers.Set(SipHeaderNames.ContentType, "message/sipfrag;version=2.0");
        notify.Body = System.Text.Encoding.ASCII.GetBytes("SIP/2.0 " + status + "\r\n");
        try
        {
            signalling.Transactions.SendRequest(notify, channel.Dialog.Remote);
        }
        catch (InvalidOperationException)
        {
            // A branch collision is astronomically unlikely; the phone then simply hears nothing more.
        }
    }

    /// <summary>The user part of the single Refer-To URI (sip:1002@box → "1002"); null when absent or malformed.</summary>
    private static string? TransferTarget(SipRequest request)
    {
        if (request.Headers[SipHeaderNames.ReferTo] is not { } referTo)
        {
            return null;
        }

        try
        {
            var uri = NameAddress.Parse(referTo, SipHeaderNames.ReferTo).Uri;
            var user = uri.User ?? (uri.Scheme == "tel" ? uri.Opaque : null);
            return string.IsNullOrWhiteSpace(user) || user.Length > 64 ? null : user;
        }
        catch (SipParseException)
        {
            return null;
        }
    }
}
