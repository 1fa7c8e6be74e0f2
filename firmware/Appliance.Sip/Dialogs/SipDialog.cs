using System.Globalization;
using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Dialogs;

/// <summary>
/// The state of one INVITE dialog (RFC 3261 §12): its id (Call-ID and tags), the local and remote URIs and CSeq
/// numbers, the remote target and where to send. It builds in-dialog requests and checks in-dialog CSeq order.
/// Route sets are not kept: the appliance talks directly to trunks and phones, never through proxies.
/// </summary>
public sealed class SipDialog
{
    private SipDialog(string callId, string localTag, string? remoteTag, string localUri, string remoteUri, SipUri remoteTarget, IPEndPoint remote, long localSequence)
    {
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        LocalUri = localUri;
        RemoteUri = remoteUri;
        RemoteTarget = remoteTarget;
        Remote = remote;
        LocalSequence = localSequence;
    }

    public string CallId { get; }

    public string LocalTag { get; }

    /// <summary>The peer's tag; null for an outgoing dialog until the first response with a To tag.</summary>
    public string? RemoteTag { get; private set; }

    /// <summary>Our From (UAC) or To (UAS) URI without tag, as written in requests we send.</summary>
    public string LocalUri { get; }

    /// <summary>The peer's URI without tag.</summary>
    public string RemoteUri { get; }

    /// <summary>The peer's Contact: the Request-URI of in-dialog requests.</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The address in-dialog requests go to (the source of the peer's requests, for phones behind NAT).</summary>
    public IPEndPoint Remote { get; private set; }

    public long LocalSequence { get; private set; }

    /// <summary>The highest CSeq the peer used; -1 before its first in-dialog request.</summary>
    public long RemoteSequence { get; private set; } = -1;

    /// <summary>The dialog a UAS creates by answering <paramref name="invite"/> from <paramref name="source"/> (§12.1.1).</summary>
    /// <exception cref="ArgumentException">The INVITE lacks a Contact, or its headers are malformed.</exception>
    public static SipDialog ForIncoming(SipRequest invite, IPEndPoint source, string localTag)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var contact = FirstContact(invite);
        var dialog = new SipDialog(
            invite.CallId ?? throw new ArgumentException("The INVITE has no Call-ID.", nameof(invite)),
            localTag,
            invite.From.Tag,
            WithoutTag(invite.Headers[SipHeaderNames.To]!),
            WithoutTag(invite.Headers[SipHeaderNames.From]!),
            contact,
            source,
            localSequence: 0);
        dialog.RemoteSequence = invite.CSeq.Sequence;
        return dialog;
    }

    /// <summary>A dialog we start with an INVITE (§12.1.2); the remote tag arrives with the answer.</summary>
    public static SipDialog ForOutgoing(string localUri, SipUri remoteTarget, IPEndPoint remote) =>
        new(SipIdentifiers.NewCallId(), SipIdentifiers.NewTag(), null, localUri, "<" + remoteTarget + ">", remoteTarget, remote, localSequence: 0);

    /// <summary>The key under which in-dialog requests and responses find this dialog.</summary>
    public static string KeyOf(string? callId, string? localTag) => string.Concat(callId, "|", localTag);

    public string Key => KeyOf(CallId, LocalTag);

    /// <summary>Takes the To tag and Contact of a 2xx to our INVITE (§12.1.2).</summary>
    public void Confirm(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        RemoteTag ??= response.To.Tag;
        if (response.Contacts.FirstOrDefault() is { } contact)
        {
            RemoteTarget = contact.Uri;
        }
    }

    /// <summary>
    /// Checks an in-dialog request's CSeq (§12.2.2): lower than one already seen means out of order (answer 500).
    /// A re-INVITE may also refresh the remote target.
    /// </summary>
    public bool AcceptRemoteSequence(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sequence = request.CSeq.Sequence;
        if (request.Method != SipMethods.Ack && sequence <= RemoteSequence)
        {
            return false;
        }

        RemoteSequence = Math.Max(RemoteSequence, sequence);
        if (request.Method == SipMethods.Invite && request.Contacts.FirstOrDefault() is { } contact)
        {
            RemoteTarget = contact.Uri;
        }

        return true;
    }

    /// <summary>An in-dialog request (§12.2.1.1) with a fresh branch; ACK reuses the INVITE's CSeq number.</summary>
    public SipRequest CreateRequest(string method, string viaTransport, IPEndPoint viaAddress, long? sequence = null)
    {
        if (sequence is null)
        {
            LocalSequence++;
        }

        var request = new SipRequest(method, RemoteTarget);
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/{viaTransport} {viaAddress};branch={SipIdentifiers.NewBranch()};rport");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"{LocalUri};tag={LocalTag}");
        request.Headers.Add(SipHeaderNames.To, RemoteTag is null ? RemoteUri : $"{RemoteUri};tag={RemoteTag}");
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        var number = (sequence ?? LocalSequence).ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(SipHeaderNames.CSeq, $"{number} {method}");
        return request;
    }

    private static SipUri FirstContact(SipRequest invite)
    {
        try
        {
            return invite.Contacts.FirstOrDefault()?.Uri ?? throw new ArgumentException("The INVITE has no Contact.", nameof(invite));
        }
        catch (Parsing.SipParseException error)
        {
            throw new ArgumentException("The INVITE's Contact is malformed: " + error.Message, nameof(invite), error);
        }
    }

    private static string WithoutTag(string value)
    {
        var address = NameAddress.Parse(value, SipHeaderNames.From);
        address.Parameters.Remove("tag");
        return address.ToString();
    }
}
