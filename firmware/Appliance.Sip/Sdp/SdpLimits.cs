using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Sdp;

/// <summary>Bounds on what one SDP body may make the parser do. Bound from the "Sip:Sdp" section.</summary>
public sealed class SdpLimits
{
    public const string SectionName = "Sip:Sdp";

    [Range(128, 65_535)]
    public int MaxBodySize { get; set; } = 16_384;

    [Range(8, 4_096)]
    public int MaxLines { get; set; } = 256;

    [Range(1, 64)]
    public int MaxMediaDescriptions { get; set; } = 8;

    [Range(1, 256)]
    public int MaxFormatsPerMedia { get; set; } = 32;
}
