using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Audio;

/// <summary>Plays samples once; the last frame is padded with silence.</summary>
public sealed class ClipSource(ReadOnlyMemory<short> samples) : IAudioSource
{
    private int _position;

    /// <inheritdoc />
    public bool Read(Span<short> frame)
    {
        var remaining = samples.Length - _position;
        if (remaining <= 0)
        {
            return false;
        }

        var count = Math.Min(remaining, frame.Length);
        samples.Span.Slice(_position, count).CopyTo(frame);
        frame[count..].Clear();
        _position += count;
        return true;
    }
}
