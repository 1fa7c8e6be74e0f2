namespace Appliance.Sip.Rtp;

/// <summary>The fields of an RTP fixed header that a receiver acts on (RFC 3550 §5.1).</summary>
public readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc);
