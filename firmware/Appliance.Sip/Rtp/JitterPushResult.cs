namespace Appliance.Sip.Rtp;

/// <summary>What <see cref="JitterBuffer.Push"/> did with a packet.</summary>
public enum JitterPushResult
{
    Accepted,
    Duplicate,

    /// <summary>Its playout time has passed.</summary>
    Late,

    /// <summary>Not RTP, or a payload larger than a slot.</summary>
    Malformed,

    /// <summary>Too far ahead of playout for the buffer's window.</summary>
    Overflow,

    /// <summary>From an SSRC that has not (yet) replaced the current one.</summary>
    ForeignSource,
}
