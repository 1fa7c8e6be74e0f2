using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Rtp;
using Appliance.Sip.Sdp;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Sip;

public sealed class SipChannelCallTests
{
    [Fact]
    public async Task A_trunk_call_rings_answers_carries_audio_and_digits_both_ways_and_ends_on_BYE()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, "call-1", "b1", SipScript.Sdp(trunk.RtpPort)), box.Box);

        await trunk.ResponseAsync(box.Tick, 100);
        var ringing = await trunk.ResponseAsync(box.Tick, 180);
        var channel = Assert.Single(box.Arrived);
        Assert.Equal("sip", channel.Technology);
        Assert.Equal("13800138000", channel.Caller.Number);
        Assert.Equal("Branch Caller", channel.Caller.Name);

        channel.Answer();
        var ok = await trunk.ResponseAsync(box.Tick, 200);
        Assert.Equal(ringing.To.Tag, ok.To.Tag);
        Assert.Equal(ChannelState.Up, channel.State);
        var answer = new SdpParser().Parse(ok.Body.Span);
        var boxRtp = new IPEndPoint(IPAddress.Loopback, answer.Media[0].Port);
        Assert.Equal("0", answer.Media[0].Formats[0]);
        trunk.Send(SipScript.Request("ACK", trunk.SipEndPoint, box.Box, "call-1", "b2", 1, ok.To.Tag), box.Box);

        // Caller → box: a 1 kHz tone in µ-law is heard on the channel.
        var heard = new List<short>();
        for (var i = 0; i < 30; i++)
        {
            SendTone(trunk.Rtp, boxRtp, (ushort)(100 + i), (uint)(i * 160), 1000);
            await Task.Delay(2); // the datagram crossing loopback
            box.Tick();
            heard.AddRange(channel.ReceivedFrame.ToArray());
        }

        var rtp = ((Appliance.Telephony.Sip.SipChannel)channel).Rtp;
        Assert.True(rtp.PacketsReceived >= 30, $"received {rtp.PacketsReceived}, ignored {rtp.PacketsIgnored}");
        Assert.True(heard.Count(s => s != 0) > 1600, $"nonzero {heard.Count(s => s != 0)} of {heard.Count}; state {channel.State}");
        Assert.InRange(ToneAnalysis.DominantFrequency(heard.Skip(heard.Count - 1600).ToArray(), 300, 3000, 10), 990, 1010);

        // Box → caller: a prompt arrives as PCMU RTP at the trunk's RTP socket.
        DrainSocket(trunk.Rtp); // the silence sent since the answer
        _ = channel.PlayAsync(new SineSource(600), stopOnDigit: true);
        var sent = ReceiveAudio(trunk.Rtp, box, 20);
        Assert.InRange(ToneAnalysis.DominantFrequency(sent, 300, 3000, 10), 590, 610);

        // RFC 4733 '5' (with the end packet three times) is one digit.
        var digit = channel.ReadDigitAsync(TimeSpan.FromSeconds(10));
        SendEvent(trunk.Rtp, boxRtp, 5, 200);
        await box.UntilAsync(() => digit.IsCompleted);
        Assert.Equal('5', await digit);
        Assert.Empty(Drain(channel));

        trunk.Send(SipScript.Request("BYE", trunk.SipEndPoint, box.Box, "call-1", "b3", 2, ok.To.Tag), box.Box);
        await trunk.ResponseAsync(box.Tick, 200, "BYE");
        Assert.Equal(HangupCause.Remote, await channel.Ended);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task The_box_hanging_up_sends_BYE_to_the_trunk()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        var ok = await AnsweredCallAsync(box, trunk, "call-2");

        box.Arrived[0].HangUp();
        var bye = await trunk.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "BYE");
        Assert.Equal("call-2", bye.CallId);
        Assert.Equal(ok.To.Tag, bye.From.Tag);
        Assert.Equal("caller1", bye.To.Tag);
        Assert.Equal(0, box.Endpoint.ActiveCalls);
    }

    [Fact]
    public async Task CANCEL_before_answer_gets_200_and_the_INVITE_487_and_the_channel_ends()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, "call-3", "c1", SipScript.Sdp(trunk.RtpPort)), box.Box);
        await trunk.ResponseAsync(box.Tick, 180);

        trunk.Send(SipScript.Request("CANCEL", trunk.SipEndPoint, box.Box, "call-3", "c1", 1, null), box.Box);
        await trunk.ResponseAsync(box.Tick, 200, "CANCEL");
        await trunk.ResponseAsync(box.Tick, 487);
        Assert.Equal(HangupCause.Remote, await box.Arrived[0].Ended);
    }

    [Fact]
    public async Task A_reINVITE_with_sendonly_holds_the_box_silent_and_sendrecv_resumes_it()
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        var ok = await AnsweredCallAsync(box, trunk, "call-4");
        var channel = box.Arrived[0];
        channel.Background = new SineSource(800);
        Assert.NotEmpty(ReceiveAudio(trunk.Rtp, box, 3));

        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, "call-4", "h1", SipScript.Sdp(trunk.RtpPort, "sendonly"), 2, ok.To.Tag), box.Box);
        var held = await trunk.ResponseAsync(box.Tick, 200, cseq: 2);
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(held.Body.Span), StringComparison.Ordinal);
        trunk.Send(SipScript.Request("ACK", trunk.SipEndPoint, box.Box, "call-4", "h2", 2, ok.To.Tag), box.Box);
        for (var i = 0; i < 10; i++)
        {
            box.Tick();
        }

        DrainSocket(trunk.Rtp);
        for (var i = 0; i < 10; i++)
        {
            box.Tick();
        }

        Assert.Equal(0, trunk.Rtp.Available);

        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, "call-4", "h3", SipScript.Sdp(trunk.RtpPort), 3, ok.To.Tag), box.Box);
        var resumed = await trunk.ResponseAsync(box.Tick, 200, cseq: 3);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(resumed.Body.Span), StringComparison.Ordinal);
        Assert.InRange(ToneAnalysis.DominantFrequency(ReceiveAudio(trunk.Rtp, box, 20), 300, 3000, 10), 790, 810);
    }

    internal static async Task<SipResponse> AnsweredCallAsync(SipEndpointFixture box, SipTestPeer trunk, string callId)
    {
        trunk.Send(SipScript.Invite(trunk.SipEndPoint, box.Box, callId, callId + "i", SipScript.Sdp(trunk.RtpPort)), box.Box);
        await trunk.ResponseAsync(box.Tick, 180);
        box.Arrived[^1].Answer();
        var ok = await trunk.ResponseAsync(box.Tick, 200);
        trunk.Send(SipScript.Request("ACK", trunk.SipEndPoint, box.Box, callId, callId + "a", 1, ok.To.Tag), box.Box);
        return ok;
    }

    internal static void SendTone(Socket socket, IPEndPoint to, ushort sequence, uint timestamp, double hz)
    {
        var samples = new short[160];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * (timestamp + i) / 8000));
        }

        var payload = new byte[160];
        G711.EncodeMuLaw(samples, payload);
        var packet = new byte[172];
        RtpPacket.TryWrite(packet, new RtpHeader(false, 0, sequence, timestamp, 0x1234), payload, out _);
        socket.SendTo(packet, to);
    }

    private static void SendEvent(Socket socket, IPEndPoint to, byte digit, ushort sequence)
    {
        var sender = new TelephoneEventSender(101, 0x1234);
        sender.Start(digit, 99_000, 800);
        var packet = new byte[64];
        while (sender.TryWriteNext(packet, sequence++, out var written))
        {
            socket.SendTo(packet.AsSpan(0, written), to);
        }
    }

    /// <summary>Collects <paramref name="packets"/> RTP packets the box sends, decoded from µ-law.</summary>
    internal static short[] ReceiveAudio(Socket socket, SipEndpointFixture box, int packets)
    {
        var audio = new List<short>();
        var buffer = new byte[1500];
        var frame = new short[160];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var i = 0; i < packets; i++)
        {
            // Tick until a packet is there: work the box still has to do (a request in flight) needs ticks too.
            do
            {
                box.Tick();
                Assert.True(DateTime.UtcNow < deadline, $"only {i} of {packets} RTP packets arrived");
            }
            while (!socket.Poll(TimeSpan.FromMilliseconds(20), SelectMode.SelectRead));

            var length = socket.Receive(buffer);
            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer.AsSpan(0, length), out var header, out var offset, out var payload));
            Assert.Equal(0, header.PayloadType);
            G711.DecodeMuLaw(buffer.AsSpan(offset, payload), frame);
            audio.AddRange(frame.AsSpan(0, payload).ToArray());
        }

        return [.. audio];
    }

    private static void DrainSocket(Socket socket)
    {
        var buffer = new byte[1500];
        while (socket.Available > 0)
        {
            socket.Receive(buffer);
        }
    }

    private static List<char> Drain(IChannel channel)
    {
        var digits = new List<char>();
        while (channel.ReadDigitAsync(TimeSpan.FromMilliseconds(20)) is { IsCompletedSuccessfully: true } read && read.Result is { } d)
        {
            digits.Add(d);
        }

        return digits;
    }
}
