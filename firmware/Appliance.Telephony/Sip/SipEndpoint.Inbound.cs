using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Sdp;
using Appliance.Sip.Transactions;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>
/// Requests arriving at the box: the policy check, authentication of everything not from a trunk, dispatch by method,
/// and new calls from trunks (INVITE with SDP → a ringing inbound channel).
/// </summary>
public sealed partial class SipEndpoint
{
    private void HandleSafely(SipSignalling signalling, SipServerTransaction transaction)
    {
        var request = transaction.Request;
        try
        {
            Handle(signalling, transaction);
        }
        catch (Exception error) when (error is SipParseException or SdpParseException or ArgumentException or FormatException)
        {
            Refuse(transaction, 400, "Bad Request");
        }
        catch (Exception error)
        {
            SipCallLog.HandlerFailed(_logger, request.Method, request.CallId, transaction.Remote, error);
            Refuse(transaction, 500, "Server Internal Error");
        }
    }

    private void Handle(SipSignalling signalling, SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var verdict = _policy.Check(request);
        if (!verdict.Accepted)
        {
            var refusal = SipMessages.Response(request, verdict.StatusCode, verdict.Reason);
            foreach (var (name, value) in verdict.ExtraHeaders)
            {
                refusal.Headers.Add(name, value);
            }

            TrySend(transaction, refusal);
            return;
        }

        if (!IsTrunk(transaction.Remote) && request.To.Tag is null && request.Method is not (SipMethods.Register or SipMethods.Cancel))
        {
            // Every out-of-dialog request from anywhere but a trunk authenticates first (in-dialog ones are bound to a
            // dialog the box made, whose tags a stranger cannot guess; CANCEL cannot carry credentials, §22.1).
            string? user = null;
            if (AccessControl?.Challenge(request, transaction.Remote, out user) is { } stop)
            {
                TrySend(transaction, stop);
                return;
            }

            if (request.Method == SipMethods.Invite && AgentDialPlan is { } plan && user is not null)
            {
                // An agent's own phone calling the box: feature codes, nothing beyond them (IAgentDialPlan).
                PhoneCall(signalling, (ServerInviteTransaction)transaction, plan, user);
                return;
            }

            if (AccessControl is null || request.Method == SipMethods.Invite)
            {
                // Phones may not place calls: nothing reaches the menu, or beyond it an outside line, except from a trunk.
                Refuse(transaction, 403, "Forbidden");
                return;
            }
        }

        switch (request.Method)
        {
            case SipMethods.Invite when request.To.Tag is null:
                Incoming(signalling, (ServerInviteTransaction)transaction);
                break;
            case SipMethods.Invite:
                ReInvite(transaction);
                break;
            case SipMethods.Bye:
                Bye(transaction);
                break;
            case SipMethods.Cancel:
                Cancel(signalling, transaction);
                break;
            case SipMethods.Info:
                Info(transaction);
                break;
            case SipMethods.Refer when request.To.Tag is not null:
                Refer(transaction);
                break;
            case SipMethods.Options:
                var ok = SipMessages.Response(request, 200, "OK");
                ok.Headers.Add(SipHeaderNames.Allow, SipMessages.Allow);
                ok.Headers.Add(SipHeaderNames.Accept, "application/sdp");
                TrySend(transaction, ok);
                break;
            case SipMethods.Register when AccessControl is { } access:
                TrySend(transaction, access.Register(request, transaction.Remote, signalling.Transport.Protocol));
                break;
            default:
                var notAllowed = SipMessages.Response(request, 405, "Method Not Allowed");
                notAllowed.Headers.Add(SipHeaderNames.Allow, SipMessages.Allow);
                TrySend(transaction, notAllowed);
                break;
        }
    }

    private void Incoming(SipSignalling signalling, ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        var source = transaction.Remote;
        var trunk = _trunks.TrunkFor(source.Address) ?? RegistrationTrunkFor(source.Address);
        if (trunk is null)
        {
            Refuse(transaction, 403, "Forbidden");
            return;
        }

        if (OpenInbound(signalling, transaction, trunk, fromTrunk: true) is not { } channel)
        {
            return;
        }

        SipCallLog.TrunkCall(_logger, request.CallId, trunk, source, channel.Id);
        CallArrived?.Invoke(channel, null);
    }

    /// <summary>
    /// Answers an INVITE's offer and makes the ringing inbound channel for it (180 sent), or refuses it (no SDP, no
    /// common codec, no RTP port) and returns null.
    /// </summary>
    private SipChannel? OpenInbound(SipSignalling signalling, ServerInviteTransaction transaction, string endpointName, bool fromTrunk = false)
    {
        var request = transaction.Request;
        var source = transaction.Remote;
        if (!SipMessages.HasSdp(request))
        {
            Refuse(transaction, 488, "Not Acceptable Here");
            return null;
        }

        var offer = _sdpParser.Parse(request.Body.Span);
        RtpSession rtp;
        try
        {
            rtp = _ports.Open();
        }
        catch (InvalidOperationException)
        {
            Refuse(transaction, 503, "Service Unavailable");
            return null;
        }

        var answer = SdpOfferAnswer.CreateAnswer(offer, LocalMedia(rtp.LocalPort, 1));
        if (answer is not { Accepted: true, Answer: { } sdp, Media: { } media })
        {
            rtp.Dispose();
            Refuse(transaction, answer.StatusCode, answer.Reason);
            return null;
        }

        SipDialog dialog;
        try
        {
            dialog = SipDialog.ForIncoming(request, source, SipIdentifiers.NewTag());
        }
        catch (ArgumentException)
        {
            rtp.Dispose();
            throw;
        }

        rtp.Apply(media);
        var id = $"sip/{endpointName}-{Interlocked.Increment(ref _sequence):D6}";
        var channel = new SipChannel(this, id, endpointName, SipMessages.CallerOf(request), dialog, signalling, rtp, outgoing: false)
        {
            PendingInvite = transaction,
            LocalSdp = SdpWriter.ToBytes(sdp),
            DialledNumber = SipMessages.DialledNumberOf(request),
            Trunk = fromTrunk ? endpointName : null,
        };
        Track(channel);
        _pendingByInvite[transaction] = channel;
        transaction.TimedOut += _ => _clock.Post(() => AckNeverCame(channel));
        TrySend(transaction, SipMessages.Response(request, 180, "Ringing", dialog.LocalTag, signalling.Contact));
        return channel;
    }

    private void AckNeverCame(SipChannel channel)
    {
        if (channel.State == ChannelState.Up && _dialogs.ContainsKey(channel.Dialog.Key))
        {
            SipCallLog.AckMissing(_logger, channel.Dialog.CallId, channel.Id);
            SendInDialog(channel, SipMethods.Bye);
            Finish(channel, HangupCause.Failed, "box (no ACK)");
        }
    }
}
