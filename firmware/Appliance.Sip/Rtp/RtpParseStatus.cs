namespace Appliance.Sip.Rtp;

/// <summary>Why a datagram is not a usable RTP packet.</summary>
public enum RtpParseStatus
{
    Ok,
    TooShort,
    BadVersion,
    BadCsrcCount,
    BadExtension,
    BadPadding,
}
