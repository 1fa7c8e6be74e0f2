namespace Appliance.Telephony.Channels;

/// <summary>Supplies a channel's outgoing audio one frame at a time (a prompt, a tone, a bridged peer).</summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="frame"/>; returns false once the source has nothing more to give.</summary>
    bool Read(Span<short> frame);
}
