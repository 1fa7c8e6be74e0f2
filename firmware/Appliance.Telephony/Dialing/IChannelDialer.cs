using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Dialing;

/// <summary>A channel technology that can place outbound legs, e.g. to ring an agent's phone.</summary>
public interface IChannelDialer
{
    /// <summary>The technology prefix this dialer answers to, e.g. "sim" for "sim:1001".</summary>
    string Technology { get; }

    /// <summary>
    /// Starts ringing <paramref name="target"/> (the part after "technology:"). The returned channel's
    /// <see cref="IChannel.Answered"/> completes when the far end answers; hang it up to cancel.
    /// </summary>
    /// <exception cref="ArgumentException">The target is malformed or unknown.</exception>
    IChannel Dial(string target);

    /// <summary>
    /// Rings every device behind <paramref name="target"/> at once (an agent with a desk phone and a softphone); the
    /// caller takes the first to answer and hangs up the rest. Technologies with one device per target ring just it.
    /// </summary>
    /// <exception cref="ArgumentException">The target is malformed or unknown.</exception>
    IReadOnlyList<IChannel> DialAll(string target) => [Dial(target)];
}
