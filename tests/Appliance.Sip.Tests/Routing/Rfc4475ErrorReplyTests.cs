using System.Net;
using Appliance.Sip.Tests.Support;

namespace Appliance.Sip.Tests.Routing;

/// <summary>
/// RFC 4475 requests the parser refuses, sent byte for byte in real datagrams from an ephemeral port on 127.0.0.1:
/// each gets its 505 or 400 where RFC 3261 §18.2.2 says, which for these Vias (a host that is not the source, no port,
/// no rport) is received=127.0.0.1 with port 5060, not the port the datagram came from. A Via the box cannot read is
/// answered to the packet's source address and port.
/// </summary>
[Collection(DefaultSipPortCollection.Name)]
public sealed class Rfc4475ErrorReplyTests(DefaultSipPort port5060)
{
    [Theory]
    [InlineData("badvers", 505, "SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw;received=127.0.0.1")]
    [InlineData("mismatch01", 400, "SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw;received=127.0.0.1")]
    [InlineData("ltgtruri", 400, "SIP/2.0/UDP 192.0.2.5;received=127.0.0.1")]
    [InlineData("baddn", 400, "SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw;received=127.0.0.1")]
    [InlineData("insuf", 400, "SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf;received=127.0.0.1")]
    public async Task Refused_request_is_answered_at_received_and_the_sent_by_port(string name, int status, string via)
    {
        await using var box = LoopbackTransports.Udp();
        box.Start();
        using var client = new UdpTestSocket();
        port5060.Socket.Drain();

        await client.SendAsync(Rfc4475.Load(name), box.LocalEndPoint);

        // Read as text: badvers's reply carries its SIP/7.0 Via back, which our own parser would refuse.
        var answer = await port5060.Socket.ReceiveRawAsync();        // destination: 127.0.0.1:5060
        Assert.StartsWith($"SIP/2.0 {status} ", answer, StringComparison.Ordinal);
        Assert.Single(answer.Split("\r\n"), line => line.StartsWith("Via:", StringComparison.Ordinal));
        Assert.Contains($"\r\nVia: {via}\r\n", answer, StringComparison.Ordinal);
        Assert.Equal(0, client.Available);                           // not 127.0.0.1:<the sender's port>
    }

    [Fact]
    public async Task Badvers_505_names_the_version_and_echoes_what_the_client_needs_to_match_it()
    {
        await using var box = LoopbackTransports.Udp();
        box.Start();
        using var client = new UdpTestSocket();
        port5060.Socket.Drain();

        await client.SendAsync(Rfc4475.Load("badvers"), box.LocalEndPoint);

        var answer = await port5060.Socket.ReceiveRawAsync();
        Assert.StartsWith("SIP/2.0 505 SIP Version Not Supported: SIP/7.0.\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: badvers.31417@c.example.com\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nCSeq: 1 OPTIONS\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nFrom: A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badinv01_whose_Via_cannot_be_read_is_answered_at_the_packets_source_with_its_Via_as_written()
    {
        await using var box = LoopbackTransports.Udp();
        box.Start();
        using var client = new UdpTestSocket();
        port5060.Socket.Drain();

        await client.SendAsync(Rfc4475.Load("badinv01"), box.LocalEndPoint);

        // The reply echoes the broken Via as the client wrote it, so our own strict parser will not take it: read raw.
        var reply = await client.ReceiveRawAsync();                  // destination: 127.0.0.1:<the sender's port>
        Assert.StartsWith("SIP/2.0 400 ", reply, StringComparison.Ordinal);
        Assert.Contains("\r\nVia: SIP/2.0/UDP 192.0.2.15;;,;,,\r\n", reply, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: badinv01.0ha0isndaksdjasdf3234nas\r\n", reply, StringComparison.Ordinal);
        Assert.Equal(0, port5060.Socket.Available);
    }
}
