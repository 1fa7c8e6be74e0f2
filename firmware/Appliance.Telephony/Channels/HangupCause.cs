namespace Appliance.Telephony.Channels;

/// <summary>Why a channel went down.</summary>
public enum HangupCause
{
    /// <summary>The box hung up (the call flow ended it).</summary>
    Local,

    /// <summary>The far end hung up (busy tone, polarity reversal, BYE, or the caller gave up ringing).</summary>
    Remote,

    /// <summary>An outbound channel was not answered in time, or was cancelled while ringing.</summary>
    NoAnswer,

    /// <summary>The line lost its battery voltage or the transport died.</summary>
    LineDead,

    /// <summary>Nothing was heard for longer than the silence limit.</summary>
    Silence,

    /// <summary>The channel could not be set up or failed.</summary>
    Failed,

    /// <summary>An outbound call found the number busy (busy tone, SIP 486).</summary>
    Busy,

    /// <summary>An outbound call could not reach the number: the network is congested or the number does not exist.</summary>
    Congestion,
}
