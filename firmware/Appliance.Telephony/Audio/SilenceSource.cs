using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Audio;

/// <summary>Silence for a fixed time: a pause in a prompt sequence.</summary>
public sealed class SilenceSource(TimeSpan duration) : IAudioSource
{
    private int _remaining = (int)(duration.TotalSeconds * 8000);

    /// <inheritdoc />
    public bool Read(Span<short> frame)
    {
        if (_remaining <= 0)
        {
            return false;
        }

        frame.Clear();
        _remaining -= frame.Length;
        return true;
    }
}
