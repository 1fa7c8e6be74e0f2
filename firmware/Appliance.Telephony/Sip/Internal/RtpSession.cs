using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Appliance.Hal.Lines;
using Appliance.Sip.Rtp;
using Appliance.Sip.Sdp;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Sip.Internal;

/// <summary>
/// One call's RTP and RTCP: two sockets, polled once per media tick (no thread, no timer per call), a jitter buffer
/// popped once per tick, G.711 both ways and RFC 4733 digits. Every buffer is allocated here, once: nothing on the
/// per-packet path allocates. Symmetric RTP: once a valid packet arrives, replies go to where it came from, so
/// phones behind NAT are heard, whatever their SDP said.
/// </summary>
internal sealed class RtpSession : IDisposable
{
    private const int MaxDatagram = 1_500;
    private const int RtcpIntervalTicks = 250; // 5 s, RFC 3550's minimum report interval
    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly TimeProvider _time;
    private readonly JitterBuffer _jitter = new();
    private readonly TelephoneEventReceiver _events = new();
    private readonly byte[] _receive = new byte[MaxDatagram];
    private readonly byte[] _payload = new byte[MaxDatagram];
    private readonly byte[] _send = new byte[RtpPacket.FixedHeaderSize + LineAudio.FrameSamples];
    private readonly byte[] _encoded = new byte[LineAudio.FrameSamples];
    private readonly SocketAddress _from;
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private readonly long _started;
    private SocketAddress? _remote;
    private bool _latched;
    private SdpNegotiatedMedia? _media;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private uint _packetsSent;
    private uint _octetsSent;
    private long _ticks;

    public RtpSession(Socket rtp, Socket rtcp, TimeProvider time)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        _time = time;
        _rtp.Blocking = false;
        _rtcp.Blocking = false;
        LocalPort = ((IPEndPoint)rtp.LocalEndPoint!).Port;
        _from = new SocketAddress(rtp.AddressFamily);
        _started = time.GetTimestamp();
    }

    public int LocalPort { get; }

    public long PacketsReceived { get; private set; }

    public long PacketsIgnored { get; private set; }

    /// <summary>Where audio goes now (the latched source, else the SDP address); null when unknown.</summary>
    public IPEndPoint? RemoteEndPoint => _remote is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(_remote);

    /// <summary>Takes the outcome of an offer/answer (call setup or re-INVITE): codec, direction, peer address.</summary>
    public void Apply(SdpNegotiatedMedia media)
    {
        _media = media;
        if (!_latched && media.RemoteRtp is { } remote)
        {
            _remote = remote.Serialize();
        }
    }

    /// <summary>Reads every datagram waiting; audio goes to the jitter buffer, RFC 4733 digits to <paramref name="onDigit"/>.</summary>
    public void Receive(Action<char> onDigit)
    {
        _ticks++;
        DrainRtcp();
        while (_rtp.Available > 0)
        {
            int length;
            try
            {
                length = _rtp.ReceiveFrom(_receive, SocketFlags.None, _from);
            }
            catch (SocketException)
            {
                // An ICMP error from an earlier send surfaces here: the peer's problem, not the call's.
                continue;
            }

            Handle(_receive.AsSpan(0, length), onDigit);
        }

        if (_ticks % RtcpIntervalTicks == 0)
        {
            SendReport();
        }
    }

    /// <summary>This tick's received frame; false when nothing is due (buffering, lost or on hold).</summary>
    public bool ReadFrame(Span<short> frame)
    {
        if (_jitter.Pop(_payload, out var header, out var length) != JitterPopResult.Frame)
        {
            return false;
        }

        var count = Math.Min(length, frame.Length);
        var source = _payload.AsSpan(0, count);
        if (header.PayloadType == SdpCodec.Pcma.PayloadType)
        {
            G711.DecodeALaw(source, frame[..count]);
        }
        else
        {
            G711.DecodeMuLaw(source, frame[..count]);
        }

        frame[count..].Clear();
        return true;
    }

    /// <summary>Sends one frame, when the negotiated direction lets us and we know where to.</summary>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        _timestamp += (uint)frame.Length;
        if (_media is not { } media || _remote is null || media.LocalDirection is not (SdpDirection.SendRecv or SdpDirection.SendOnly))
        {
            return;
        }

        var payloadType = (byte)media.Codec.PayloadType;
        if (payloadType == SdpCodec.Pcma.PayloadType)
        {
            G711.EncodeALaw(frame, _encoded);
        }
        else
        {
            G711.EncodeMuLaw(frame, _encoded);
        }

        var header = new RtpHeader(false, payloadType, _sequence++, _timestamp, _ssrc);
        if (RtpPacket.TryWrite(_send, header, _encoded.AsSpan(0, frame.Length), out var written))
        {
            SendTo(_rtp, _send.AsSpan(0, written), _remote);
            _packetsSent++;
            _octetsSent += (uint)frame.Length;
        }
    }

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private void Handle(ReadOnlySpan<byte> packet, Action<char> onDigit)
    {
        if (_media is not { } media || RtpPacket.TryParse(packet, out var header, out var offset, out var length) != RtpParseStatus.Ok)
        {
            PacketsIgnored++;
            return;
        }

        if (header.PayloadType == media.TelephoneEventPayloadType)
        {
            Latch();
            if (_events.Process(header, packet.Slice(offset, length)) is { } digit)
            {
                onDigit(digit);
            }

            return;
        }

        if (header.PayloadType != media.Codec.PayloadType || !media.ExpectsReceive)
        {
            PacketsIgnored++;
            return;
        }

        // Arrival on the 8 kHz RTP clock, from the session's own start so the product cannot overflow.
        var arrival = (long)(_time.GetElapsedTime(_started).TotalSeconds * 8_000);
        if (_jitter.Push(packet, arrival) is JitterPushResult.Accepted)
        {
            Latch();
            PacketsReceived++;
        }
    }

    private void Latch()
    {
        if (_remote is { } current && current.Equals(_from))
        {
            _latched = true;
            return;
        }

        // Happens once per call (or after the peer moves), so this copy is not a per-packet allocation.
        var copy = new SocketAddress(_from.Family, _from.Size);
        _from.Buffer.CopyTo(copy.Buffer);
        _remote = copy;
        _latched = true;
    }

    private void DrainRtcp()
    {
        while (_rtcp.Available > 0)
        {
            try
            {
                // Reports are read to keep the socket from filling; the box does not adapt to them.
                _rtcp.ReceiveFrom(_receive, SocketFlags.None, _from);
            }
            catch (SocketException)
            {
            }
        }
    }

    private void SendReport()
    {
        if (_remote is null || _packetsSent == 0)
        {
            return;
        }

        // NTP format: whole seconds since 1900 in the high word, the binary fraction in the low word.
        var since = (ulong)(_time.GetUtcNow() - NtpEpoch).Ticks;
        var fraction = ((since % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        var ntp = ((since / TimeSpan.TicksPerSecond) << 32) | fraction;
        var info = new RtcpSenderInfo(ntp, _timestamp, _packetsSent, _octetsSent);
        var length = RtcpPacket.WriteSenderReport(_payload, _ssrc, info, []);
        var rtcpAddress = RemoteEndPoint is { } remote ? new IPEndPoint(remote.Address, remote.Port + 1) : null;
        if (length > 0 && rtcpAddress is not null)
        {
            SendTo(_rtcp, _payload.AsSpan(0, length), rtcpAddress.Serialize());
        }
    }

    private static void SendTo(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            // Unreachable peers are noticed by signalling (BYE, timeouts), not by media sends.
        }
    }
}
