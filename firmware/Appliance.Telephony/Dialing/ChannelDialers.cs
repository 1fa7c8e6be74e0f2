using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Dialing;

/// <summary>Routes "technology:target" dial strings to the dialer of that technology.</summary>
public sealed class ChannelDialers(IEnumerable<IChannelDialer> dialers)
{
    private readonly Dictionary<string, IChannelDialer> _byTechnology =
        dialers.ToDictionary(d => d.Technology, StringComparer.OrdinalIgnoreCase);

    /// <summary>Dials e.g. "sim:1001;answer=2000;tone=1400".</summary>
    /// <exception cref="ArgumentException">No such technology, or the target is malformed.</exception>
    public IChannel Dial(string dialString)
    {
        var (dialer, target) = Resolve(dialString);
        return dialer.Dial(target);
    }

    /// <summary>Rings every device registered for the dial string, e.g. each phone an agent has registered.</summary>
    /// <exception cref="ArgumentException">No such technology, or the target is malformed.</exception>
    public IReadOnlyList<IChannel> DialAll(string dialString)
    {
        var (dialer, target) = Resolve(dialString);
        return dialer.DialAll(target);
    }

    private (IChannelDialer Dialer, string Target) Resolve(string dialString)
    {
        var colon = dialString.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !_byTechnology.TryGetValue(dialString[..colon], out var dialer))
        {
            throw new ArgumentException($"Cannot dial '{dialString}': unknown technology.", nameof(dialString));
        }

        return (dialer, dialString[(colon + 1)..]);
    }
}
