namespace Appliance.Hal.Lines;

/// <summary>The audio format every line and audio port speaks.</summary>
public static class LineAudio
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 8000;

    /// <summary>Milliseconds per frame: the media clock's tick.</summary>
    public const int FrameMilliseconds = 20;

    /// <summary>Samples in one 20 ms frame.</summary>
    public const int FrameSamples = SampleRate * FrameMilliseconds / 1000;
}
