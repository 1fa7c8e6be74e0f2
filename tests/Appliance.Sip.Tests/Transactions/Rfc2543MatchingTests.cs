using System.Net;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Transactions;

namespace Appliance.Sip.Tests.Transactions;

/// <summary>
/// RFC 3261 §17.2.3 for requests whose top Via has no RFC 3261 branch: a request belongs to a transaction when its
/// Request-URI, To tag, From tag, Call-ID, CSeq and top Via all match; an ACK by the same fields less the To tag,
/// which must be the tag of our response; a CANCEL (§9.2) finds the INVITE by the same fields, its method aside.
/// </summary>
public sealed class Rfc2543MatchingTests
{
    private static readonly IPEndPoint Gateway = new(IPAddress.Loopback, 5060);

    private const string Invite =
        "INVITE sip:service@127.0.0.1:5070 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5060\r\n" +
        "From: <sip:+13035551111@gw.example.net;user=phone>\r\n" +
        "To: <sip:service@127.0.0.1>\r\n" +
        "Call-ID: old-gw-1@127.0.0.1\r\n" +
        "CSeq: 10 INVITE\r\n" +
        "Content-Length: 0\r\n\r\n";

    [Theory]
    [InlineData("sip:service@127.0.0.1:5070 SIP", "sip:other@127.0.0.1:5070 SIP")]      // Request-URI
    [InlineData("<sip:service@127.0.0.1>\r\n", "<sip:service@127.0.0.1>;tag=t2\r\n")]  // To tag
    [InlineData("user=phone>\r\n", "user=phone>;tag=f2\r\n")]                          // From tag
    [InlineData("old-gw-1@", "old-gw-2@")]                                             // Call-ID
    [InlineData("CSeq: 10", "CSeq: 11")]                                               // CSeq number
    [InlineData("UDP 127.0.0.1:5060", "UDP 127.0.0.1:5061")]                           // top Via sent-by
    [InlineData("UDP 127.0.0.1:5060", "UDP 127.0.0.1:5060;branch=1234")]               // top Via parameters
    public void A_request_differing_in_any_matched_field_is_a_new_transaction_and_an_identical_one_a_retransmission(string from, string to)
    {
        using var bed = new TransactionTestBed();
        bed.Server.HandleMessage(Parse(Invite), Gateway);
        bed.Server.HandleMessage(Parse(Invite), Gateway);
        Assert.Single(bed.ServerTransactions);

        bed.Server.HandleMessage(Parse(Invite.Replace(from, to, StringComparison.Ordinal)), Gateway);
        Assert.Equal(2, bed.ServerTransactions.Count);
    }

    [Fact]
    public void Methods_are_told_apart_and_what_the_box_stamps_on_the_Via_does_not_split_a_transaction()
    {
        using var bed = new TransactionTestBed();
        var options = Invite.Replace("INVITE", "OPTIONS", StringComparison.Ordinal);
        bed.Server.HandleMessage(Parse(Invite), Gateway);
        bed.Server.HandleMessage(Parse(options), Gateway);
        Assert.Equal(2, bed.ServerTransactions.Count);

        // The same OPTIONS again, as the transport hands it up once it has added received (§18.2.1): a retransmission.
        bed.Server.HandleMessage(Parse(options.Replace("5060\r\n", "5060;received=127.0.0.1\r\n", StringComparison.Ordinal)), Gateway);
        Assert.Equal(2, bed.ServerTransactions.Count);
    }

    [Fact]
    public void The_ACK_for_a_2xx_is_matched_by_the_2xx_To_tag_and_ends_the_transaction()
    {
        using var bed = new TransactionTestBed();
        bed.Server.HandleMessage(Parse(Invite), Gateway);
        var invite = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));
        var acks = 0;
        invite.AckReceived += _ => acks++;
        invite.SendResponse(SipResponse.CreateFor(invite.Request, 200, "OK", "box-ok"));

        bed.Server.HandleMessage(Parse(Ack("other-tag")), Gateway);
        Assert.Equal(SipTransactionState.Accepted, invite.State);
        bed.Server.HandleMessage(Parse(Ack("box-ok")), Gateway);

        Assert.Equal(1, acks);
        Assert.Equal(SipTransactionState.Terminated, invite.State);
        Assert.Equal(0, bed.Server.ActiveTransactionCount);
    }

    [Fact]
    public void CANCEL_finds_the_INVITE_by_the_same_fields_and_nothing_else()
    {
        using var bed = new TransactionTestBed();
        bed.Server.HandleMessage(Parse(Invite), Gateway);
        var invite = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));
        var cancel = Invite.Replace("INVITE sip", "CANCEL sip", StringComparison.Ordinal).Replace("10 INVITE", "10 CANCEL", StringComparison.Ordinal);

        Assert.Same(invite, bed.Server.FindCancelled(Parse(cancel)));
        Assert.Null(bed.Server.FindCancelled(Parse(cancel.Replace("user=phone>", "user=phone>;tag=x", StringComparison.Ordinal))));
        Assert.Null(bed.Server.FindCancelled(Parse(cancel.Replace("CSeq: 10", "CSeq: 9", StringComparison.Ordinal))));

        // The CANCEL is a transaction of its own, not a retransmission of the INVITE.
        bed.Server.HandleMessage(Parse(cancel), Gateway);
        Assert.Equal(["INVITE", "CANCEL"], bed.ServerTransactions.Select(t => t.Request.Method));
    }

    [Fact]
    public void An_RFC_3261_ACK_for_an_error_must_carry_the_INVITEs_branch()
    {
        using var bed = new TransactionTestBed();
        var withBranch = Invite.Replace("UDP 127.0.0.1:5060", "UDP 127.0.0.1:5060;branch=z9hG4bKinv1", StringComparison.Ordinal);
        bed.Server.HandleMessage(Parse(withBranch), Gateway);
        var invite = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));
        invite.SendResponse(SipResponse.CreateFor(invite.Request, 486, "Busy Here", "busy"));
        var strays = 0;
        bed.Server.StrayAckReceived += (_, _) => strays++;

        bed.Server.HandleMessage(Parse(Ack("busy").Replace("UDP 127.0.0.1:5060", "UDP 127.0.0.1:5060;branch=z9hG4bKother", StringComparison.Ordinal)), Gateway);
        Assert.Equal((1, SipTransactionState.Completed), (strays, invite.State));

        bed.Server.HandleMessage(Parse(Ack("busy").Replace("UDP 127.0.0.1:5060", "UDP 127.0.0.1:5060;branch=z9hG4bKinv1", StringComparison.Ordinal)), Gateway);
        Assert.Equal((1, SipTransactionState.Confirmed), (strays, invite.State));
    }

    private static string Ack(string toTag) => Invite
        .Replace("INVITE sip", "ACK sip", StringComparison.Ordinal)
        .Replace("10 INVITE", "10 ACK", StringComparison.Ordinal)
        .Replace("<sip:service@127.0.0.1>\r\n", $"<sip:service@127.0.0.1>;tag={toTag}\r\n", StringComparison.Ordinal);

    private static SipRequest Parse(string text)
    {
        var result = new SipMessageParser().ParseDatagram(Encoding.ASCII.GetBytes(text));
        Assert.True(result.Success, result.Reason);
        return Assert.IsType<SipRequest>(result.Message);
    }
}
