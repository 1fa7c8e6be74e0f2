using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Bridging;

/// <summary>Sends what the peer leg received this tick: the audio path of a two-party bridge.</summary>
internal sealed class PeerAudioSource(IChannel peer) : IAudioSource
{
    public bool Read(Span<short> frame)
    {
        peer.ReceivedFrame.CopyTo(frame);
        return true;
    }
}
