using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Sip;

/// <summary>Several inbound sources (analog lines, SIP trunks) seen by the call center as one.</summary>
public sealed class CombinedInboundCallSource : IInboundCallSource
{
    /// <summary>Forwards every source's calls.</summary>
    public CombinedInboundCallSource(IEnumerable<IInboundCallSource> sources)
    {
        foreach (var source in sources)
        {
            source.CallArrived += (channel, line) => CallArrived?.Invoke(channel, line);
        }
    }

    /// <inheritdoc />
    public event Action<IChannel, int?>? CallArrived;
}
