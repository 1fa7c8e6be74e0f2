namespace Appliance.Telephony.Channels;

/// <summary>
/// Thrown into an awaiting call flow when its channel goes down, the way an Asterisk application returns -1 on
/// hangup: the flow unwinds to its top, which records the outcome.
/// </summary>
public sealed class ChannelHangupException : Exception
{
    /// <summary>Creates the exception for a channel that went down.</summary>
    public ChannelHangupException(string channelId, HangupCause cause)
        : base($"Channel {channelId} hung up ({cause}).")
    {
        ChannelId = channelId;
        Cause = cause;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ChannelHangupException()
        : this("unknown", HangupCause.Failed)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ChannelHangupException(string message)
        : base(message)
    {
        ChannelId = "unknown";
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ChannelHangupException(string message, Exception innerException)
        : base(message, innerException)
    {
        ChannelId = "unknown";
    }

    /// <summary>The channel that went down.</summary>
    public string ChannelId { get; }

    /// <summary>Why it went down.</summary>
    public HangupCause Cause { get; }
}
