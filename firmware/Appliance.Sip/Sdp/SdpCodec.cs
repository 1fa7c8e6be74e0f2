namespace Appliance.Sip.Sdp;

/// <summary>An RTP payload format as rtpmap names it (RFC 3551, RFC 4733).</summary>
public sealed record SdpCodec(int PayloadType, string EncodingName, int ClockRate)
{
    public static SdpCodec Pcmu { get; } = new(0, "PCMU", 8000);

    public static SdpCodec Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>RFC 4733 events; 101 is the customary dynamic payload type, the peer's number wins in an answer.</summary>
    public static SdpCodec TelephoneEvent { get; } = new(101, "telephone-event", 8000);

    public bool IsTelephoneEvent => EncodingName.Equals("telephone-event", StringComparison.OrdinalIgnoreCase);

    public bool SameFormatAs(SdpCodec other) =>
        EncodingName.Equals(other.EncodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == other.ClockRate;
}
