using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Tests.Support;
using Appliance.Testing;

namespace Appliance.Sip.Tests.Transport;

public sealed class TcpSipTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Requests_and_responses_reuse_one_connection_per_remote_endpoint()
    {
        await using var client = LoopbackTransports.Tcp();
        await using var server = LoopbackTransports.Tcp();
        var atServer = new MessageSink(server);
        var atClient = new MessageSink(client);
        client.Start();
        server.Start();

        for (var i = 0; i < 3; i++)
        {
            client.Send(TestRequests.Create("OPTIONS", branch: $"z9hG4bKtcp{i}", callId: $"tcp-{i}"), server.LocalEndPoint);
            var (message, source) = await atServer.NextAsync();
            server.Send(SipResponse.CreateFor((SipRequest)message, 200, "OK", "srv"), source);
            var (answer, _) = await atClient.NextAsync();
            Assert.Equal($"tcp-{i}", answer.CallId);
        }

        Assert.Equal(1, client.ConnectionCount);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Stream_is_framed_by_Content_Length_across_split_and_joined_writes()
    {
        await using var server = LoopbackTransports.Tcp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new TcpClient();
        await peer.ConnectAsync(server.LocalEndPoint);
        var stream = peer.GetStream();
        var first = TestRequests.Create("MESSAGE", branch: "z9hG4bKa", callId: "first");
        first.Body = Encoding.UTF8.GetBytes("hello\r\n\r\nworld");
        var second = TestRequests.Create("OPTIONS", branch: "z9hG4bKb", callId: "second");
        byte[] bytes = [.. SipMessageWriter.ToBytes(first), .. "\r\n\r\n"u8, .. SipMessageWriter.ToBytes(second)];

        // Dribble the first half byte-sized pieces, then the rest in one write holding the end of one message and all of the next.
        var half = bytes.Length / 2;
        for (var i = 0; i < half; i += 7)
        {
            await stream.WriteAsync(bytes.AsMemory(i, Math.Min(7, half - i)));
            await stream.FlushAsync();
        }

        await stream.WriteAsync(bytes.AsMemory(half));

        var (one, _) = await atServer.NextAsync();
        var (two, _) = await atServer.NextAsync();
        Assert.Equal("first", one.CallId);
        Assert.Equal("hello\r\n\r\nworld", Encoding.UTF8.GetString(one.Body.Span));
        Assert.Equal("second", two.CallId);
    }

    [Fact]
    public async Task Malformed_request_gets_400_on_the_same_connection_which_stays_usable()
    {
        await using var server = LoopbackTransports.Tcp();
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = new TcpClient();
        await peer.ConnectAsync(server.LocalEndPoint);
        var stream = peer.GetStream();
        var bad = "OPTIONS sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKbad\r\nFrom: <sip:a@b>;tag=1\r\n" +
                  "To: <sip:c@d>\r\nCall-ID: bad-tcp\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 9999\r\nContent-Length: 0\r\n\r\n";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(bad));
        var response = await ReadResponseAsync(stream);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("z9hG4bKbad", response.TopVia.Branch);

        await stream.WriteAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: "good-after-bad")));
        Assert.Equal("good-after-bad", (await atServer.NextAsync()).Message.CallId);
    }

    [Fact]
    public async Task Missing_Content_Length_is_answered_and_the_broken_stream_closed()
    {
        await using var server = LoopbackTransports.Tcp();
        server.Start();
        using var peer = new TcpClient();
        await peer.ConnectAsync(server.LocalEndPoint);
        var stream = peer.GetStream();
        var request = Encoding.ASCII.GetString(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS")));
        var withoutLength = request.Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal);

        await stream.WriteAsync(Encoding.ASCII.GetBytes(withoutLength));

        var response = await ReadResponseAsync(stream);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("Content-Length", response.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(0, await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_refused()
    {
        await using var server = LoopbackTransports.Tcp(configure: o => o.MaxConnections = 2);
        var atServer = new MessageSink(server);
        server.Start();
        using var first = await ConnectAndProveAsync(server, atServer, "one");
        using var second = await ConnectAndProveAsync(server, atServer, "two");
        using var third = new TcpClient();
        await third.ConnectAsync(server.LocalEndPoint);

        Assert.True(await IsClosedByServerAsync(third.GetStream()));
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Idle_connection_is_closed_after_the_idle_timeout()
    {
        var time = new ManualTimeProvider();
        await using var server = LoopbackTransports.Tcp(time, o => o.IdleTimeout = TimeSpan.FromSeconds(20));
        var atServer = new MessageSink(server);
        server.Start();
        using var peer = await ConnectAndProveAsync(server, atServer, "idle");

        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, server.ConnectionCount);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(await IsClosedByServerAsync(peer.GetStream()));
    }

    private static async Task<TcpClient> ConnectAndProveAsync(Appliance.Sip.Transport.TcpSipTransport server, MessageSink sink, string callId)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.LocalEndPoint);
        await client.GetStream().WriteAsync(SipMessageWriter.ToBytes(TestRequests.Create("OPTIONS", callId: callId)));
        Assert.Equal(callId, (await sink.NextAsync()).Message.CallId);
        return client;
    }

    private static async Task<bool> IsClosedByServerAsync(NetworkStream stream)
    {
        try
        {
            return await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Patience) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task<SipResponse> ReadResponseAsync(NetworkStream stream)
    {
        var framer = new SipStreamFramer(new SipMessageParser());
        var buffer = new byte[4096];
        while (true)
        {
            var count = await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience);
            Assert.True(count > 0, "connection closed before a response arrived");
            Assert.True(framer.Append(buffer.AsSpan(0, count), out _));
            if (framer.TryReadMessage() is { } result)
            {
                return Assert.IsType<SipResponse>(result.Message);
            }
        }
    }
}
