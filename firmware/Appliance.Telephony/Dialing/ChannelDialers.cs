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
        var colon = dialString.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !_byTechnology.TryGetValue(dialString[..colon], out var dialer))
        {
            throw new ArgumentException($"Cannot dial '{dialString}': unknown technology.", nameof(dialString));
        }

        return dialer.Dial(dialString[(colon + 1)..]);
    }
}
