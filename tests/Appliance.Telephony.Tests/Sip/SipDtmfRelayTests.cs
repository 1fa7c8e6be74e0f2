using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Rtp;
using Appliance.Sip.Sdp;
using Appliance.Telephony.Bridging;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>
/// Keys a SIP caller sends as RFC 4733 events reach the caller's channel (the call flow) and nothing else: a bridged agent
/// and a listening supervisor, all three on SIP, get audio packets only, never a telephone-event, inside a PCI pause or
/// out of it. (The box is a back-to-back agent: each leg has its own RTP session and the bridge moves audio frames.)
/// </summary>
public sealed class SipDtmfRelayTests
{
    [Fact]
    public async Task Rfc4733_keys_reach_the_caller_s_channel_and_no_telephone_event_goes_to_the_agent_or_the_supervisor()
    {
        await using var box = new SipEndpointFixture();
        using var callerPeer = new SipTestPeer();
        using var agentPeer = new SipTestPeer();
        using var supervisorPeer = new SipTestPeer();
        var callerOk = await SipChannelCallTests.AnsweredCallAsync(box, callerPeer, "relay-caller");
        await SipChannelCallTests.AnsweredCallAsync(box, agentPeer, "relay-agent");
        await SipChannelCallTests.AnsweredCallAsync(box, supervisorPeer, "relay-supervisor");
        var (caller, agent, supervisor) = (box.Arrived[0], box.Arrived[1], box.Arrived[2]);
        var privacy = new MediaPrivacy(box.Time);
        using var bridge = new Bridge(box.Clock, caller, agent, privacy: privacy);
        bridge.JoinSupervisor(supervisor, SupervisionMode.Listen);
        var callerRtp = new IPEndPoint(IPAddress.Loopback, new SdpParser().Parse(callerOk.Body.Span).Media[0].Port);
        Drain(agentPeer.Rtp);
        Drain(supervisorPeer.Rtp);

        var keyed = new List<char>();
        ushort sequence = 500;
        privacy.Pause();
        foreach (var key in new byte[] { 4, 3, 2, 1 })
        {
            keyed.Add(await KeyAsync(box, caller, callerPeer.Rtp, callerRtp, key, ref sequence, keyed.Count));
        }

        privacy.Release();
        keyed.Add(await KeyAsync(box, caller, callerPeer.Rtp, callerRtp, 9, ref sequence, keyed.Count));
        for (var i = 0; i < 25; i++)
        {
            box.Tick();
            await Task.Delay(2); // the datagrams crossing loopback
        }

        Assert.Equal("43219", string.Concat(keyed));
        var toAgent = Drain(agentPeer.Rtp);
        var toSupervisor = Drain(supervisorPeer.Rtp);
        Assert.True(toAgent.Count >= 25 && toSupervisor.Count >= 25, $"agent {toAgent.Count}, supervisor {toSupervisor.Count} packets");
        Assert.All(toAgent, pt => Assert.Equal(SdpCodec.Pcmu.PayloadType, pt));
        Assert.All(toSupervisor, pt => Assert.Equal(SdpCodec.Pcmu.PayloadType, pt));
    }

    // Sends one RFC 4733 event (its own RTP timestamp, end packet repeated) and ticks until the caller's channel has it.
    private static Task<char> KeyAsync(SipEndpointFixture box, Appliance.Telephony.Channels.IChannel caller, Socket from, IPEndPoint to, byte key, ref ushort sequence, int index)
    {
        var digit = caller.ReadDigitAsync(TimeSpan.FromSeconds(10));
        var sender = new TelephoneEventSender(101, 0x4733);
        sender.Start(key, (uint)(10_000 + (index * 8_000)), 800);
        var packet = new byte[64];
        while (sender.TryWriteNext(packet, sequence++, out var written))
        {
            from.SendTo(packet.AsSpan(0, written), to);
        }

        return Wait(box, digit);
    }

    private static async Task<char> Wait(SipEndpointFixture box, Task<char?> digit)
    {
        await box.UntilAsync(() => digit.IsCompleted);
        return Assert.NotNull(await digit);
    }

    // The payload type of every RTP packet waiting on the socket.
    private static List<int> Drain(Socket socket)
    {
        var types = new List<int>();
        var buffer = new byte[1500];
        while (socket.Available > 0)
        {
            var length = socket.Receive(buffer);
            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer.AsSpan(0, length), out var header, out _, out _));
            types.Add(header.PayloadType);
        }

        return types;
    }
}
