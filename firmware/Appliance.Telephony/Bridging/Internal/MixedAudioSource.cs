using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Bridging.Internal;

/// <summary>
/// What one leg of a bridge hears: this tick's received audio of up to two other legs, summed with saturation. The bridge
/// re-points the talkers when parties join, leave or change mode; the object (and so the listener's audio path) stays the
/// same, which is why a change lands between two ticks with no gap. Each mix is shown to the bridge's heard-audio tap, if
/// any, straight from the listener's frame.
/// </summary>
internal sealed class MixedAudioSource(Bridge owner, BridgeParty listener, IChannel talker) : IAudioSource
{
    private IChannel _first = talker;
    private IChannel? _second;

    /// <summary>Sets who is heard: one talker, or two mixed.</summary>
    public void Hear(IChannel first, IChannel? second)
    {
        _first = first;
        _second = second;
    }

    public bool Read(Span<short> frame)
    {
        IChannel? first = _first;
        var second = _second;
        if (owner.IsCallerPrivate)
        {
            // PCI pause: the caller's keys (in-band tones) reach no agent or supervisor; the others still hear each other.
            (first, second) = ReferenceEquals(first, owner.LegA) ? (second, null) : (first, ReferenceEquals(second, owner.LegA) ? null : second);
        }

        if (first is null)
        {
            frame.Clear();
        }
        else if (second is null)
        {
            first.ReceivedFrame.CopyTo(frame);
        }
        else
        {
            SampleMixer.Mix(first.ReceivedFrame, second.ReceivedFrame, frame);
        }

        owner.OnMixed(listener, frame);
        return true;
    }
}
