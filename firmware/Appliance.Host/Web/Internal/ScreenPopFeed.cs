using System.Threading.Channels;
using Appliance.Core.Acd;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// The offers in force per agent and the open event streams. <see cref="Publish"/> is called on the media loop: it
/// only swaps a dictionary entry and writes to bounded channels that drop the oldest item when a desktop stops
/// reading, so a slow desktop never holds the loop. The lock is held for those few steps only, never across I/O.
/// </summary>
internal sealed class ScreenPopFeed
{
    // A desktop that has fallen this far behind misses the oldest offers rather than growing memory.
    private const int StreamBacklog = 32;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentOffer> _current = new(StringComparer.Ordinal);
    private readonly List<(string AgentId, Channel<AgentOffer> Channel)> _streams = [];

    /// <summary>A new offer (EndedAt null) or the end of one.</summary>
    public void Publish(AgentOffer offer)
    {
        lock (_gate)
        {
            if (offer.EndedAt is null)
            {
                _current[offer.AgentId] = offer;
            }
            else if (_current.TryGetValue(offer.AgentId, out var current) && current.CallId == offer.CallId)
            {
                _current.Remove(offer.AgentId);
            }

            foreach (var (agentId, channel) in _streams)
            {
                if (agentId == offer.AgentId)
                {
                    channel.Writer.TryWrite(offer);
                }
            }
        }
    }

    /// <summary>The offer ringing or in progress for <paramref name="agentId"/>, or null.</summary>
    public AgentOffer? CurrentFor(string agentId)
    {
        lock (_gate)
        {
            return _current.GetValueOrDefault(agentId);
        }
    }

    /// <summary>Opens a stream of <paramref name="agentId"/>'s offers, starting with the one in force if any; dispose to close it.</summary>
    public OfferStream Subscribe(string agentId)
    {
        var channel = Channel.CreateBounded<AgentOffer>(new BoundedChannelOptions(StreamBacklog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_current.TryGetValue(agentId, out var current))
            {
                channel.Writer.TryWrite(current);
            }

            _streams.Add((agentId, channel));
        }

        return new OfferStream(channel.Reader, () =>
        {
            lock (_gate)
            {
                _streams.RemoveAll(s => ReferenceEquals(s.Channel, channel));
            }
        });
    }
}

/// <summary>One open stream of an agent's offers.</summary>
internal sealed class OfferStream(ChannelReader<AgentOffer> reader, Action close) : IDisposable
{
    public ChannelReader<AgentOffer> Reader { get; } = reader;

    public void Dispose() => close();
}
