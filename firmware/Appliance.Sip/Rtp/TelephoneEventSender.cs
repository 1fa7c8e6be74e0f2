using System.Buffers.Binary;

namespace Appliance.Sip.Rtp;

/// <summary>
/// Sends one RFC 4733 event as RTP packets: the first with the marker bit, updates with growing duration, then the end
/// packet three times (§2.5.1.4), all with the event's start timestamp. Call <see cref="TryWriteNext"/> once per frame tick.
/// </summary>
public sealed class TelephoneEventSender(byte payloadType, uint ssrc, int frameDuration = 160)
{
    private const int PayloadSize = 4;
    private const int EndRepeats = 3;
    private const byte Volume = 10; // -10 dBm0, a usual DTMF level

    private byte _event;
    private uint _timestamp;
    private int _totalDuration;
    private int _duration;
    private int _endsSent = EndRepeats;
    private bool _started;

    /// <summary>Whether packets of the current event remain to be sent.</summary>
    public bool IsActive => _endsSent < EndRepeats;

    /// <summary>Begins event <paramref name="eventCode"/> (0-9, 10 '*', 11 '#', 12-15 A-D) lasting <paramref name="duration"/> clock units.</summary>
    public void Start(byte eventCode, uint timestamp, int duration)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eventCode, (byte)16);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, frameDuration);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, ushort.MaxValue);
        _event = eventCode;
        _timestamp = timestamp;
        _totalDuration = duration;
        _duration = 0;
        _endsSent = 0;
        _started = false;
    }

    /// <summary>Writes the next packet of the event; false when the event is over or the span is too small.</summary>
    public bool TryWriteNext(Span<byte> destination, ushort sequenceNumber, out int written)
    {
        written = 0;
        if (!IsActive || destination.Length < RtpPacket.FixedHeaderSize + PayloadSize)
        {
            return false;
        }

        _duration = Math.Min(_totalDuration, _duration + frameDuration);
        var end = _duration >= _totalDuration;
        Span<byte> payload = stackalloc byte[PayloadSize];
        payload[0] = _event;
        payload[1] = (byte)((end ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)_duration);
        var header = new RtpHeader(!_started, payloadType, sequenceNumber, _timestamp, ssrc);
        _started = true;
        if (end)
        {
            _endsSent++;
        }

        return RtpPacket.TryWrite(destination, header, payload, out written);
    }
}
