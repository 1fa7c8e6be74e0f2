namespace Appliance.Telephony.Channels;

/// <summary>Where a channel is in its life.</summary>
public enum ChannelState
{
    /// <summary>Offered (inbound) or ringing the far end (outbound); not yet answered.</summary>
    Ringing,

    /// <summary>Answered: audio flows.</summary>
    Up,

    /// <summary>Hung up; the channel is finished.</summary>
    Down,
}
