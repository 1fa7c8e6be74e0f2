using System.Net;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;

namespace Appliance.Sip.Tests.Routing;

/// <summary>
/// RFC 4475 requests an element must take, byte for byte in real datagrams from an ephemeral port on 127.0.0.1 to a
/// transaction layer on a real UDP transport: RFC 2543 ones (inv2543, badbranch) are matched by the §17.2.3 rules
/// for requests without an RFC 3261 branch, and every response goes where §18.2.2 says.
/// </summary>
[Collection(DefaultSipPortCollection.Name)]
public sealed class Rfc4475TransactionTests(DefaultSipPort port5060)
{
    private static readonly IPEndPoint DefaultPortOnLoopback = new(IPAddress.Loopback, DefaultSipPort.Port);

    [Fact]
    public async Task Inv2543_is_answered_its_retransmission_absorbed_and_its_ACK_matched_by_the_RFC_2543_rules()
    {
        await using var bed = LoopbackLayerBed.Udp();
        using var gateway = new UdpTestSocket();
        port5060.Socket.Drain();
        var invite = Rfc4475.Load("inv2543");

        await gateway.SendAsync(invite, bed.Box);
        var transaction = Assert.IsType<ServerInviteTransaction>(await bed.NextTransactionAsync());
        Assert.Equal(DefaultPortOnLoopback, transaction.Route.Destination);
        var trying = await port5060.Socket.ReceiveResponseAsync();   // iftgw.example.com, no port: 127.0.0.1:5060
        Assert.Equal(100, trying.StatusCode);
        Assert.Equal("SIP/2.0/UDP iftgw.example.com;received=127.0.0.1", trying.Headers[SipHeaderNames.Via]);
        Assert.Null(trying.From.Tag);

        transaction.SendResponse(SipResponse.CreateFor(transaction.Request, 486, "Busy Here", "box486"));
        Assert.Equal(486, (await port5060.Socket.ReceiveResponseAsync()).StatusCode);

        await gateway.SendAsync(invite, bed.Box);                    // the gateway did not hear us: it sends again
        var again = await port5060.Socket.ReceiveResponseAsync();
        Assert.Equal(486, again.StatusCode);                        // the last response, resent by the transaction
        Assert.False(bed.HasMoreTransactions);                       // and no second request handed up

        var acked = new TaskCompletionSource<SipRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        transaction.AckReceived += ack => acked.TrySetResult(ack);
        await gateway.SendAsync(Rfc2543Ack(toTag: "not-ours"), bed.Box);
        Assert.Equal("not-ours", (await bed.NextStrayAckAsync()).To.Tag);
        Assert.Equal(SipTransactionState.Completed, transaction.State);

        await gateway.SendAsync(Rfc2543Ack(toTag: "box486"), bed.Box);
        Assert.Equal("box486", (await acked.Task.WaitAsync(TimeSpan.FromSeconds(10))).To.Tag);
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        Assert.Equal(0, gateway.Available);                          // nothing ever went to the gateway's own port
    }

    [Fact]
    public async Task Badbranch_a_cookie_with_no_identifier_after_it_is_answered_and_its_retransmission_absorbed()
    {
        await using var bed = LoopbackLayerBed.Udp();
        using var client = new UdpTestSocket();
        port5060.Socket.Drain();
        var options = Rfc4475.Load("badbranch");

        await client.SendAsync(options, bed.Box);
        var transaction = await bed.NextTransactionAsync();
        Assert.Equal("OPTIONS", transaction.Request.Method);
        transaction.SendResponse(SipResponse.CreateFor(transaction.Request, 200, "OK", "box200"));
        var ok = await port5060.Socket.ReceiveResponseAsync();       // 192.0.2.1, no port: 127.0.0.1:5060
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK;received=127.0.0.1", ok.Headers[SipHeaderNames.Via]);

        await client.SendAsync(options, bed.Box);
        Assert.Equal(200, (await port5060.Socket.ReceiveResponseAsync()).StatusCode);
        Assert.False(bed.HasMoreTransactions);
        Assert.Equal(0, client.Available);
    }

    [Theory]
    // rport asked for (the only RFC 4475 message that does): received and the filled rport, the datagram's own port.
    [InlineData("mpart01", true)]
    // No rport: received and the sent-by port, 5060 when sent-by names none.
    [InlineData("esc01", false)]
    [InlineData("transports", false)]
    [InlineData("unksm2", false)]
    public async Task Valid_requests_are_answered_through_their_transaction_where_the_Via_says(string name, bool toSourcePort)
    {
        await using var bed = LoopbackLayerBed.Udp();
        using var client = new UdpTestSocket();
        port5060.Socket.Drain();

        await client.SendAsync(Rfc4475.Load(name), bed.Box);
        var transaction = await bed.NextTransactionAsync();
        if (transaction is ServerInviteTransaction)
        {
            await (toSourcePort ? client : port5060.Socket).ReceiveResponseAsync();   // the 100 Trying
        }

        transaction.SendResponse(SipResponse.CreateFor(transaction.Request, 480, "Temporarily Unavailable", "box480"));
        var expected = toSourcePort ? client.EndPoint : DefaultPortOnLoopback;
        var answer = await (toSourcePort ? client : port5060.Socket).ReceiveResponseAsync();

        Assert.Equal(expected, transaction.Route.Destination);
        Assert.Equal(480, answer.StatusCode);
        Assert.Equal("127.0.0.1", answer.TopVia.Parameters["received"]);
        if (toSourcePort)
        {
            Assert.Equal(client.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.TopVia.Parameters["rport"]);
        }

        Assert.Equal(0, (toSourcePort ? port5060.Socket : client).Available);
    }

    /// <summary>The ACK an RFC 2543 client sends for a non-2xx to inv2543 (§17.1.1.3): its INVITE's lines, our To tag.</summary>
    private static byte[] Rfc2543Ack(string toTag) => Encoding.ASCII.GetBytes(
        "ACK sip:UserB@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP iftgw.example.com\r\n" +
        "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n" +
        $"To: sip:+16505552222@ss1.example.net;user=phone;tag={toTag}\r\n" +
        "Call-ID: inv2543.1717@ift.client.example.com\r\n" +
        "CSeq: 56 ACK\r\n" +
        "Content-Length: 0\r\n\r\n");
}
