using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;
using Appliance.Sip.Sdp;
using Appliance.Sip.Transactions;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>Requests inside an established dialog: re-INVITE (hold and resume), BYE, INFO digits, REFER (SipEndpoint.Transfer.cs), and CANCEL of a ringing INVITE.</summary>
public sealed partial class SipEndpoint
{
    private void ReInvite(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!TryFindDialog(transaction, out var channel))
        {
            return;
        }

        if (!SipMessages.HasSdp(request))
        {
            Refuse(transaction, 488, "Not Acceptable Here");
            return;
        }

        var offer = _sdpParser.Parse(request.Body.Span);
        var answer = SdpOfferAnswer.CreateAnswer(offer, LocalMedia(channel.Rtp.LocalPort, ++channel.SdpVersion));
        if (answer is not { Accepted: true, Answer: { } sdp, Media: { } media })
        {
            Refuse(transaction, answer.StatusCode, answer.Reason);
            return;
        }

        channel.Rtp.Apply(media);
        if (channel.HeldByFarEnd != !media.MaySend)
        {
            SipCallLog.HoldChanged(_logger, channel.Dialog.CallId, channel.Id, media.MaySend ? "resumed" : "put the call on hold");
        }
        channel.LocalSdp = SdpWriter.ToBytes(sdp);
        SipCallLog.MediaChanged(_logger, channel.Dialog.CallId, channel.Id, media.LocalDirection.ToString(), media.RemoteRtp);
        var ok = SipMessages.Response(request, 200, "OK", channel.Dialog.LocalTag, channel.Signalling.Contact);
        SipMessages.AttachSdp(ok, channel.LocalSdp);
        TrySend(transaction, ok);
        channel.MarkHeld(!media.MaySend);
    }

    private void Bye(SipServerTransaction transaction)
    {
        if (TryFindDialog(transaction, out var channel))
        {
            TrySend(transaction, SipMessages.Response(transaction.Request, 200, "OK"));
            Finish(channel, HangupCause.Remote, "peer");
        }
    }

    private void Info(SipServerTransaction transaction)
    {
        if (!TryFindDialog(transaction, out var channel))
        {
            return;
        }

        var request = transaction.Request;
        if (request.Body.Length > 0 && request.ContentType?.Contains("dtmf-relay", StringComparison.OrdinalIgnoreCase) == true
            && SipMessages.DtmfRelayDigit(request.Body.Span) is { } digit)
        {
            channel.Digit(digit);
        }

        TrySend(transaction, SipMessages.Response(request, 200, "OK"));
    }

    /// <summary>CANCEL of a ringing inbound INVITE: the transaction layer finds which one by the §9.2 rules (RFC 2543 peers included).</summary>
    private void Cancel(SipSignalling signalling, SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (signalling.Transactions.FindCancelled(request) is not { } cancelled
            || !_pendingByInvite.TryGetValue(cancelled, out var channel) || channel.PendingInvite is not { } invite)
        {
            Refuse(transaction, 481, "Call/Transaction Does Not Exist");
            return;
        }

        TrySend(transaction, SipMessages.Response(request, 200, "OK"));
        channel.PendingInvite = null;
        _pendingByInvite.Remove(invite);
        TrySend(invite, SipMessages.Response(invite.Request, 487, "Request Terminated", channel.Dialog.LocalTag));
        Finish(channel, HangupCause.Remote, "peer (CANCEL)");
    }

    private bool TryFindDialog(SipServerTransaction transaction, out SipChannel channel)
    {
        var request = transaction.Request;
        if (!_dialogs.TryGetValue(SipDialog.KeyOf(request.CallId, request.To.Tag), out channel!))
        {
            Refuse(transaction, 481, "Call/Transaction Does Not Exist");
            return false;
        }

        if (!channel.Dialog.AcceptRemoteSequence(request))
        {
            Refuse(transaction, 500, "Server Internal Error");
            return false;
        }

        return true;
    }
}
