namespace Appliance.Sip.Rtp;

/// <summary>The sender info of an SR (RFC 3550 §6.4.1): NTP and RTP time of the same instant and what was sent.</summary>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
