using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Tests.Support;
using Appliance.Testing;

namespace Appliance.Sip.Tests.Transport;

public sealed class UdpSipTransportTests
{
    private const string MalformedInvite =
        "INVITE sip:agent@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5999;rport;branch=z9hG4bKbadcseq\r\n" +
        "From: <sip:caller@127.0.0.1>;tag=a1\r\n" +
        "To: <sip:agent@127.0.0.1>\r\n" +
        "Call-ID: malformed-1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Max-Forwards: seventy\r\n" +
        "Content-Length: 0\r\n\r\n";

    [Fact]
    public async Task Request_and_response_cross_real_loopback_sockets()
    {
        await using var client = LoopbackTransports.Udp();
        await using var server = LoopbackTransports.Udp();
        var atServer = new MessageSink(server);
        var atClient = new MessageSink(client);
        client.Start();
        server.Start();

        client.Send(TestRequests.Create("OPTIONS"), server.LocalEndPoint);
        var (message, source) = await atServer.NextAsync();
        var request = Assert.IsType<SipRequest>(message);
        Assert.Equal("OPTIONS", request.Method);
        Assert.Equal(client.LocalEndPoint, source);

        server.Send(SipResponse.CreateFor(request, 200, "OK", "srv"), source);
        var (answer, _) = await atClient.NextAsync();
        Assert.Equal(200, Assert.IsType<SipResponse>(answer).StatusCode);
    }

    [Fact]
    public async Task Via_gets_received_and_rport_when_the_peer_is_not_where_it_claims()
    {
        await using var server = LoopbackTransports.Udp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = TestRequests.Create("OPTIONS");
        request.Headers.Set("Via", "SIP/2.0/UDP 10.9.9.9:5060;rport;branch=z9hG4bKnat1");

        await peer.SendAsync(SipMessageWriter.ToBytes(request), server.LocalEndPoint);
        var (message, _) = await atServer.NextAsync();

        var via = message.TopVia;
        Assert.Equal("127.0.0.1", via.Parameters["received"]);
        Assert.Equal(((IPEndPoint)peer.Client.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), via.Parameters["rport"]);
        Assert.Equal("z9hG4bKnat1", via.Branch);
    }

    [Fact]
    public async Task Malformed_request_with_a_usable_Via_gets_400_and_the_loop_keeps_serving()
    {
        await using var server = LoopbackTransports.Udp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await peer.SendAsync(Encoding.ASCII.GetBytes(MalformedInvite), server.LocalEndPoint);
        var reply = await peer.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var parsed = new SipMessageParser().ParseDatagram(reply.Buffer);
        var response = Assert.IsType<SipResponse>(parsed.Message);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Max-Forwards", response.ReasonPhrase, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("z9hG4bKbadcseq", response.TopVia.Branch);
        Assert.Equal("malformed-1", response.CallId);
        Assert.False(atServer.TryTake(out _));

        // Garbage with no start line and no Via gets no answer, and the next good message is still delivered.
        await peer.SendAsync(new byte[] { 0xFF, 0x00, 0x13, 0x37, (byte)'\r', (byte)'\n' }, server.LocalEndPoint);
        await peer.SendAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "after-garbage")), server.LocalEndPoint);
        var (message, _) = await atServer.NextAsync();
        Assert.Equal("after-garbage", message.CallId);
        Assert.Equal(0, peer.Available);
    }

    [Fact]
    public async Task Without_rport_the_400_goes_to_the_sent_by_port_not_to_the_port_the_datagram_came_from()
    {
        await using var server = LoopbackTransports.Udp();
        server.Start();
        using var sender = new UdpTestSocket();
        using var listener = new UdpTestSocket();     // the port the Via names, as a gateway listening on its own port
        var request = MalformedInvite.Replace("127.0.0.1:5999;rport", $"127.0.0.1:{listener.EndPoint.Port}", StringComparison.Ordinal);

        await sender.SendAsync(Encoding.ASCII.GetBytes(request), server.LocalEndPoint);

        var response = await listener.ReceiveResponseAsync();      // destination: 127.0.0.1:<the Via's port>
        Assert.Equal(400, response.StatusCode);
        Assert.Null(response.TopVia.Parameters["received"]);       // sent-by was the source address already
        Assert.Equal(0, sender.Available);
    }

    [Fact]
    public async Task An_error_reply_that_would_be_larger_than_the_bound_is_not_sent()
    {
        await using var server = LoopbackTransports.Udp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpTestSocket();
        var manyVias = string.Concat(Enumerable.Range(0, 40).Select(i => $"Via: SIP/2.0/UDP proxy{i}.example.net;branch=z9hG4bKhop{i}\r\n"));
        var oversized = MalformedInvite.Replace("Max-Forwards:", manyVias + "Max-Forwards:", StringComparison.Ordinal);
        Assert.True(Encoding.ASCII.GetByteCount(oversized) > Appliance.Sip.Transport.Internal.ErrorReplies.MaxReplyBytes);

        await peer.SendAsync(Encoding.ASCII.GetBytes(oversized), server.LocalEndPoint);
        await peer.SendAsync(Encoding.ASCII.GetBytes(MalformedInvite), server.LocalEndPoint);

        // Datagrams are handled in order: the small one's 400 arriving means the large one got nothing.
        var response = await peer.ReceiveResponseAsync();
        Assert.Single(response.Headers.GetAll(SipHeaderNames.Via));
        Assert.Equal(0, peer.Available);
        Assert.False(atServer.TryTake(out _));
    }

    [Fact]
    public async Task Error_replies_to_one_address_stay_within_their_rate()
    {
        var time = new ManualTimeProvider();
        await using var server = LoopbackTransports.Udp(time, o => o.ErrorRepliesPerSecond = 2);
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpTestSocket();
        var junk = Encoding.ASCII.GetBytes(MalformedInvite);

        for (var i = 0; i < 3; i++)
        {
            await peer.SendAsync(junk, server.LocalEndPoint);
        }

        await peer.SendAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "marker-1")), server.LocalEndPoint);
        Assert.Equal("marker-1", (await atServer.NextAsync()).Message.CallId);  // all three handled by now
        Assert.Equal(400, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(400, (await peer.ReceiveResponseAsync()).StatusCode);
        Assert.Equal(0, peer.Available);                                          // the third was not answered

        time.Advance(TimeSpan.FromSeconds(1));
        await peer.SendAsync(junk, server.LocalEndPoint);
        Assert.Equal(400, (await peer.ReceiveResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Malformed_ACK_and_responses_are_never_answered()
    {
        await using var server = LoopbackTransports.Udp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await peer.SendAsync(Encoding.ASCII.GetBytes(MalformedInvite.Replace("INVITE", "ACK", StringComparison.Ordinal)), server.LocalEndPoint);
        await peer.SendAsync(Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKx\r\n\r\n"), server.LocalEndPoint);
        await peer.SendAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "marker")), server.LocalEndPoint);

        var (message, _) = await atServer.NextAsync();
        Assert.Equal("marker", message.CallId);
        Assert.Equal(0, peer.Available);
    }

    [Fact]
    public async Task A_handler_that_throws_does_not_stop_the_receive_loop()
    {
        await using var server = LoopbackTransports.Udp();
        var calls = 0;
        server.MessageReceived += (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        };
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await peer.SendAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "first")), server.LocalEndPoint);
        await peer.SendAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "second")), server.LocalEndPoint);

        Assert.Equal("first", (await atServer.NextAsync()).Message.CallId);
        Assert.Equal("second", (await atServer.NextAsync()).Message.CallId);
    }

    [Fact]
    public void Options_name_the_bad_setting()
    {
        var options = new Appliance.Sip.Transport.SipTransportOptions { ListenAddress = "not-an-address", Port = 70_000, ErrorRepliesPerSecond = 0 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains("Port"));
        Assert.Contains(results, r => r.MemberNames.Contains("ErrorRepliesPerSecond"));
        var error = Assert.Throws<InvalidOperationException>(() => options.ToEndPoint());
        Assert.Contains("Sip:Transport:ListenAddress", error.Message, StringComparison.Ordinal);
    }
}
