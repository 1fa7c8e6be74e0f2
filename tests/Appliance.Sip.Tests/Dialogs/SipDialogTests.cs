using System.Net;
using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Tests.Dialogs;

public sealed class SipDialogTests
{
    private static readonly IPEndPoint Peer = new(IPAddress.Parse("192.0.2.9"), 5070);

    [Fact]
    public void An_incoming_INVITE_gives_a_dialog_whose_requests_go_to_the_peers_Contact_with_swapped_tags()
    {
        var dialog = SipDialog.ForIncoming(Invite(contact: "<sip:gw@192.0.2.9:5070>"), Peer, "ourtag");
        var bye = dialog.CreateRequest(SipMethods.Bye, "UDP", new IPEndPoint(IPAddress.Loopback, 5060));

        Assert.Equal("sip:gw@192.0.2.9:5070", bye.RequestUri.ToString());
        Assert.Equal("ourtag", bye.From.Tag);
        Assert.Equal("theirtag", bye.To.Tag);
        Assert.Equal("call-7", bye.CallId);
        Assert.Equal(new CSeqHeader(1, "BYE"), bye.CSeq);
        Assert.True(bye.TopVia.HasRfc3261Branch);
        Assert.Equal(SipDialog.KeyOf("call-7", "ourtag"), dialog.Key);
    }

    [Fact]
    public void In_dialog_requests_must_raise_the_CSeq_and_a_reINVITE_refreshes_the_target()
    {
        var dialog = SipDialog.ForIncoming(Invite(contact: "<sip:gw@192.0.2.9:5070>"), Peer, "ourtag");

        Assert.False(dialog.AcceptRemoteSequence(Invite(cseq: 1, contact: "<sip:gw@192.0.2.9:5070>")));
        Assert.True(dialog.AcceptRemoteSequence(Invite(cseq: 2, contact: "<sip:gw@192.0.2.77:5070>")));
        Assert.Equal("192.0.2.77", dialog.RemoteTarget.Host);
        Assert.Equal(2, dialog.RemoteSequence);
    }

    [Fact]
    public void An_INVITE_without_a_usable_Contact_cannot_make_a_dialog()
    {
        var missing = Invite(contact: null);
        var malformed = Invite(contact: "<sip:gw@192.0.2.9");

        Assert.Contains("Contact", Assert.Throws<ArgumentException>(() => SipDialog.ForIncoming(missing, Peer, "t")).Message, StringComparison.Ordinal);
        Assert.Contains("Contact", Assert.Throws<ArgumentException>(() => SipDialog.ForIncoming(malformed, Peer, "t")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outgoing_dialog_learns_the_remote_tag_and_target_from_the_2xx_and_acks_with_the_INVITE_number()
    {
        var dialog = SipDialog.ForOutgoing("<sip:appliance@127.0.0.1>", SipUri.Parse("sip:1001@10.0.0.5:5062"), Peer);
        var invite = dialog.CreateRequest(SipMethods.Invite, "UDP", new IPEndPoint(IPAddress.Loopback, 5060));
        Assert.Null(invite.To.Tag);

        var ok = SipResponse.CreateFor(invite, 200, "OK", "phonetag");
        ok.Headers.Add(SipHeaderNames.Contact, "<sip:1001@10.0.0.6:5062>");
        dialog.Confirm(ok);
        var ack = dialog.CreateRequest(SipMethods.Ack, "UDP", new IPEndPoint(IPAddress.Loopback, 5060), invite.CSeq.Sequence);

        Assert.Equal("phonetag", ack.To.Tag);
        Assert.Equal("10.0.0.6", ack.RequestUri.Host);
        Assert.Equal(new CSeqHeader(invite.CSeq.Sequence, "ACK"), ack.CSeq);
        Assert.Equal(Peer, dialog.Remote);
        Assert.NotEqual(SipIdentifiers.NewTag(), SipIdentifiers.NewTag());
    }

    private static SipRequest Invite(int cseq = 1, string? contact = "<sip:gw@192.0.2.9:5070>")
    {
        var request = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:service@127.0.0.1"));
        request.Headers.Add(SipHeaderNames.Via, "SIP/2.0/UDP 192.0.2.9:5070;branch=z9hG4bKabc" + cseq);
        request.Headers.Add(SipHeaderNames.From, "<sip:caller@192.0.2.9>;tag=theirtag");
        request.Headers.Add(SipHeaderNames.To, "<sip:service@127.0.0.1>");
        request.Headers.Add(SipHeaderNames.CallId, "call-7");
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} INVITE");
        if (contact is not null)
        {
            request.Headers.Add(SipHeaderNames.Contact, contact);
        }

        return request;
    }
}
