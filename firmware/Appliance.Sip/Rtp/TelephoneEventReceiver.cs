namespace Appliance.Sip.Rtp;

/// <summary>
/// Turns received RFC 4733 packets into digits, one per event: an event is known by its RTP timestamp, so repeated
/// updates and the retransmitted end packets of an event already reported are ignored.
/// </summary>
public sealed class TelephoneEventReceiver
{
    private const string Digits = "0123456789*#ABCD!";
    private uint _lastTimestamp;
    private uint _lastSsrc;
    private bool _hasLast;

    /// <summary>The digit an event packet starts, or null for repeats, unknown events and malformed payloads.</summary>
    public char? Process(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4 || payload[0] >= Digits.Length)
        {
            return null;
        }

        if (_hasLast && header.Timestamp == _lastTimestamp && header.Ssrc == _lastSsrc)
        {
            return null;
        }

        _hasLast = true;
        _lastTimestamp = header.Timestamp;
        _lastSsrc = header.Ssrc;
        return Digits[payload[0]];
    }
}
