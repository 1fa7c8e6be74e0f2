namespace Appliance.Sip.Rtp;

/// <summary>What <see cref="JitterBuffer.Pop"/> produced for one frame tick.</summary>
public enum JitterPopResult
{
    /// <summary>A packet's payload was copied out.</summary>
    Frame,

    /// <summary>The packet due now never arrived: conceal one frame.</summary>
    Missing,

    /// <summary>Filling up to the target depth; play silence.</summary>
    Buffering,
}
