using System.Net;
using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;
using Appliance.Sip.Sdp;
using Appliance.Sip.Transactions;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Dialing;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>The outbound half: ringing agents' registered phones ("sip:1001" dial strings).</summary>
public sealed partial class SipEndpoint : IChannelDialer
{
    /// <summary>Finds a user's registered contacts, newest first; the registrar supplies it. Null: nobody is registered.</summary>
    public Func<string, IReadOnlyList<SipContactTarget>>? Locate { get; set; }

    /// <inheritdoc />
    public string Technology => "sip";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The extension has no registered phone (so the ACD does not offer it calls).</exception>
    public IChannel Dial(string target) => DialContact(target, RegisteredContacts(target)[0]);

    /// <inheritdoc />
    /// <remarks>One INVITE (its own dialog) per registered contact, like a forking proxy that keeps the branches apart.</remarks>
    /// <exception cref="InvalidOperationException">No RTP port is free; phones already rung for this call are hung up again.</exception>
    public IReadOnlyList<IChannel> DialAll(string target)
    {
        var legs = new List<IChannel>();
        try
        {
            foreach (var contact in RegisteredContacts(target))
            {
                legs.Add(DialContact(target, contact));
            }
        }
        catch (InvalidOperationException)
        {
            // All of an agent's phones ring or none: a half-rung agent would leave a phone ringing for nobody.
            legs.ForEach(leg => leg.HangUp(HangupCause.Failed));
            throw;
        }

        return legs;
    }

    private IReadOnlyList<SipContactTarget> RegisteredContacts(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var contacts = Locate?.Invoke(target) ?? [];
        return contacts.Count > 0 ? contacts : throw new ArgumentException($"sip:{target} has no registered phone.", nameof(target));
    }

    private SipChannel DialContact(string target, SipContactTarget contact)
    {
        var signalling = _signalling.FirstOrDefault(s => s.Transport.IsReliable == contact.Reliable)
            ?? throw new ArgumentException($"sip:{target} cannot be rung: the SIP endpoint is not running.", nameof(target));
        var rtp = _ports.Open();
        var dialog = SipDialog.ForOutgoing($"<sip:appliance@{signalling.Advertised}>", contact.Contact, contact.Remote);
        var id = $"sip/{target}-{Interlocked.Increment(ref _sequence):D6}";
        var channel = new SipChannel(this, id, target, CallerIdentity.Unknown, dialog, signalling, rtp, outgoing: true)
        {
            LocalSdp = SdpWriter.ToBytes(SdpOfferAnswer.CreateOffer(LocalMedia(rtp.LocalPort, 1))),
        };
        var invite = dialog.CreateRequest(SipMethods.Invite, signalling.Transport.Protocol, signalling.Advertised);
        invite.Headers.Add(SipHeaderNames.Contact, signalling.Contact);
        invite.Headers.Add(SipHeaderNames.Allow, SipMessages.Allow);
        SipMessages.AttachSdp(invite, channel.LocalSdp);
        Track(channel);
        SipCallLog.Dialing(_logger, dialog.CallId, contact.Contact.ToString(), id);
        channel.PendingOutgoing = signalling.Transactions.SendRequest(invite, contact.Remote, transaction =>
        {
            transaction.ResponseReceived += response => _clock.Post(() => OnInviteResponse(channel, invite, response));
            transaction.TimedOut += _ => _clock.Post(() =>
            {
                if (channel.State == ChannelState.Ringing)
                {
                    Finish(channel, HangupCause.NoAnswer, "timeout");
                }
            });
        });
        return channel;
    }

    private void OnInviteResponse(SipChannel channel, SipRequest invite, SipResponse response)
    {
        if (response.IsProvisional)
        {
            return;
        }

        if (!response.IsSuccess)
        {
            channel.PendingOutgoing = null;
            Finish(channel, response.StatusCode is 486 or 600 or 603 or 480 or 487 or 408 ? HangupCause.NoAnswer : HangupCause.Failed, "phone " + SipMessages.Number(response.StatusCode));
            return;
        }

        channel.Dialog.Confirm(response);
        SendAck(channel, invite);
        channel.PendingOutgoing = null;
        var answer = SipMessages.HasSdp(response) ? SdpOfferAnswer.ReadAnswer(_sdpParser.Parse(response.Body.Span), LocalMedia(channel.Rtp.LocalPort, 1)) : null;
        if (channel.State != ChannelState.Ringing || answer is null)
        {
            // Cancelled too late (the 200 crossed our CANCEL), or nothing usable agreed: confirm, then end it.
            SendInDialog(channel, SipMethods.Bye);
            Finish(channel, HangupCause.Failed, "box");
            return;
        }

        channel.Rtp.Apply(answer);
        channel.MarkUp();
    }

    private static void SendAck(SipChannel channel, SipRequest invite)
    {
        var signalling = channel.Signalling;
        var ack = channel.Dialog.CreateRequest(SipMethods.Ack, signalling.Transport.Protocol, signalling.Advertised, invite.CSeq.Sequence);
        signalling.Transport.Send(ack, channel.Dialog.Remote);
    }

    /// <summary>A retransmitted 2xx means our ACK was lost: send it again (§13.2.2.4).</summary>
    private void OnStrayResponse(SipResponse response, IPEndPoint source)
    {
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite
            && _dialogs.TryGetValue(SipDialog.KeyOf(response.CallId, response.From.Tag), out var channel) && channel.Outgoing)
        {
            var signalling = channel.Signalling;
            var ack = channel.Dialog.CreateRequest(SipMethods.Ack, signalling.Transport.Protocol, signalling.Advertised, response.CSeq.Sequence);
            signalling.Transport.Send(ack, channel.Dialog.Remote);
        }
    }

    private void SendCancel(SipChannel channel)
    {
        if (channel.PendingOutgoing is not { } pending)
        {
            return;
        }

        // CANCEL copies the INVITE's Request-URI, top Via, From, To, Call-ID and CSeq number (§9.1).
        var invite = pending.Request;
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        cancel.Headers.Add(SipHeaderNames.Via, invite.Headers[SipHeaderNames.Via]!);
        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!);
        cancel.Headers.Add(SipHeaderNames.To, invite.Headers[SipHeaderNames.To]!);
        cancel.Headers.Add(SipHeaderNames.CallId, invite.CallId!);
        cancel.Headers.Add(SipHeaderNames.CSeq, $"{SipMessages.Number(invite.CSeq.Sequence)} {SipMethods.Cancel}");
        try
        {
            channel.Signalling.Transactions.SendRequest(cancel, pending.Remote);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
