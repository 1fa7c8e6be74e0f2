namespace Appliance.Sip.Rtp;

/// <summary>The SR or RR found in a compound RTCP packet; its report blocks go to a caller-provided span.</summary>
public readonly record struct RtcpReport(bool IsSenderReport, uint Ssrc, RtcpSenderInfo SenderInfo, int BlockCount);
