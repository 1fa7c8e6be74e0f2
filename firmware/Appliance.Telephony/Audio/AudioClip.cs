namespace Appliance.Telephony.Audio;

/// <summary>A named piece of 8 kHz mono audio held in memory, such as a prompt.</summary>
public sealed class AudioClip
{
    /// <summary>Wraps samples that the clip then owns.</summary>
    public AudioClip(string name, short[] samples)
    {
        Name = name;
        Samples = samples;
    }

    /// <summary>The clip's name, e.g. "en/greeting".</summary>
    public string Name { get; }

    /// <summary>8 kHz mono 16-bit samples.</summary>
    public ReadOnlyMemory<short> Samples { get; }

    /// <summary>The clip's length.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / 8000.0);

    /// <summary>A fresh source that plays the clip once from the start.</summary>
    public ClipSource Play() => new(Samples);
}
