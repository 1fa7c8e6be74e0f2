namespace Appliance.Telephony.Media;

/// <summary>Audio read from a WAV file: 16-bit linear samples, interleaved when there is more than one channel.</summary>
public sealed record WavAudio(int SampleRate, int Channels, short[] Samples)
{
    /// <summary>Samples per channel.</summary>
    public int FrameCount => Channels == 0 ? 0 : Samples.Length / Channels;

    /// <summary>Length of the audio.</summary>
    public TimeSpan Duration => SampleRate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(FrameCount / (double)SampleRate);

    /// <summary>Copies one channel (0 = left) out of the interleaved samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such channel.</exception>
    public short[] Channel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var result = new short[FrameCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Samples[(i * Channels) + channel];
        }

        return result;
    }
}
