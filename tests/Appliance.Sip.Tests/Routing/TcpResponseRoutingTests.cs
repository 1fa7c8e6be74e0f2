using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Tests.Routing;

/// <summary>
/// §18.2.2 on a reliable transport: responses go back on the connection the request came on, whatever its Via says;
/// once that connection has closed, on a new one to the received address and the sent-by port.
/// </summary>
public sealed class TcpResponseRoutingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Badvers_over_TCP_gets_its_505_on_the_same_connection()
    {
        await using var bed = LoopbackLayerBed.Tcp();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(bed.Box);

        await client.GetStream().WriteAsync(Rfc4475.Load("badvers"));

        // Read as text: the reply carries the SIP/7.0 Via back, which our own parser would refuse.
        var reply = await ReadRawAsync(client.GetStream());         // destination: this connection
        Assert.StartsWith("SIP/2.0 505 ", reply, StringComparison.Ordinal);
        Assert.Contains("\r\nVia: SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw;received=127.0.0.1\r\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badbranch_over_TCP_is_matched_by_the_RFC_2543_rules_and_answered_on_the_same_connection()
    {
        await using var bed = LoopbackLayerBed.Tcp();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(bed.Box);
        var stream = client.GetStream();

        await stream.WriteAsync(Rfc4475.Load("badbranch"));
        var transaction = await bed.NextTransactionAsync();
        transaction.SendResponse(SipResponse.CreateFor(transaction.Request, 200, "OK", "box200"));

        var ok = await ReadResponseAsync(stream);                    // destination: this connection
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("badbranch.sadonfo23i420jv0as0derf3j3n", ok.CallId);
        Assert.Equal(transaction.Route.Source, ((IPEndPoint)client.Client.LocalEndPoint!));
    }

    [Fact]
    public async Task Once_the_connection_has_closed_the_response_opens_one_to_received_and_the_sent_by_port()
    {
        await using var bed = LoopbackLayerBed.Tcp();
        var gateway = new TcpListener(IPAddress.Loopback, 0);      // the gateway's own SIP port, as its Via names it
        gateway.Start();
        try
        {
            var gatewayPort = ((IPEndPoint)gateway.LocalEndpoint).Port;
            using (var client = new TcpClient(AddressFamily.InterNetwork))
            {
                await client.ConnectAsync(bed.Box);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                    "OPTIONS sip:service@127.0.0.1 SIP/2.0\r\n" +
                    $"Via: SIP/2.0/TCP gw.example.net:{gatewayPort}\r\n" +
                    "From: <sip:gw@gw.example.net>\r\nTo: <sip:service@127.0.0.1>\r\nCall-ID: closed-first\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n"));
                var transaction = await bed.NextTransactionAsync();
                Assert.Equal(new IPEndPoint(IPAddress.Loopback, gatewayPort), transaction.Route.Destination);
                client.Close();
                await UntilClosedAsync((TcpSipTransport)bed.Transport);
                transaction.SendResponse(SipResponse.CreateFor(transaction.Request, 200, "OK", "box200"));
            }

            using var opened = await gateway.AcceptTcpClientAsync().WaitAsync(Patience);  // destination: 127.0.0.1:<gatewayPort>
            var ok = await ReadResponseAsync(opened.GetStream());
            Assert.Equal(200, ok.StatusCode);
            Assert.Equal("closed-first", ok.CallId);
            Assert.Equal("127.0.0.1", ok.TopVia.Parameters["received"]);
        }
        finally
        {
            gateway.Stop();
        }
    }

    /// <summary>Waits for the transport to notice the peer's close (network I/O on its threads, not a timer).</summary>
    private static async Task UntilClosedAsync(TcpSipTransport transport)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (transport.ConnectionCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the closed connection was never noticed");
            await Task.Delay(5);
        }
    }

    private static async Task<SipResponse> ReadResponseAsync(NetworkStream stream)
    {
        var result = new SipMessageParser().ParseStreamMessage(Encoding.UTF8.GetBytes(await ReadRawAsync(stream)));
        return Assert.IsType<SipResponse>(result.Message);
    }

    /// <summary>One message off the stream: up to the empty line (these replies carry no body).</summary>
    private static async Task<string> ReadRawAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var count = await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience);
            Assert.True(count > 0, "connection closed before a response arrived");
            text.Append(Encoding.UTF8.GetString(buffer, 0, count));
        }

        return text.ToString();
    }
}
