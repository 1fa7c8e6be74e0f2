using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Rtp;

/// <summary>Sizing of the adaptive jitter buffer. Bound from the "Sip:JitterBuffer" section.</summary>
public sealed class JitterBufferOptions
{
    public const string SectionName = "Sip:JitterBuffer";

    /// <summary>Packets held at most; later ones beyond this window are dropped.</summary>
    [Range(4, 512)]
    public int Capacity { get; set; } = 64;

    /// <summary>Largest payload kept per packet (G.711 at 20 ms is 160 bytes).</summary>
    [Range(160, 1_500)]
    public int MaxPayloadSize { get; set; } = 480;

    /// <summary>RTP clock units per frame: 160 for 20 ms at 8 kHz.</summary>
    [Range(1, 48_000)]
    public int FrameDuration { get; set; } = 160;

    /// <summary>Fewest frames held before playout starts.</summary>
    [Range(1, 50)]
    public int MinDepthFrames { get; set; } = 2;

    /// <summary>Most frames the depth adapts up to.</summary>
    [Range(1, 200)]
    public int MaxDepthFrames { get; set; } = 12;
}
