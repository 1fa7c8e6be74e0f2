using Appliance.Hal.Lines;

namespace Appliance.Telephony.Media;

/// <summary>
/// Tracks how long 8 kHz audio has been continuously quieter than a threshold, in whole 20 ms frames (for "caller said
/// nothing" timeouts and end-of-speech detection). Chunks of any length; a frame counts once its 160 samples are in.
/// </summary>
public sealed class SilenceDetector
{
    private readonly double _thresholdPower;
    private double _frameEnergy;
    private int _frameFill;
    private long _silentFrames;

    /// <param name="thresholdDbm0">Frames whose mean power is below this level count as silent (-90..0 dBm0).</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is out of range.</exception>
    public SilenceDetector(double thresholdDbm0 = -45)
    {
        if (!double.IsFinite(thresholdDbm0) || thresholdDbm0 is < -90 or > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdDbm0), thresholdDbm0, "Silence threshold must be between -90 and 0 dBm0.");
        }

        ThresholdDbm0 = thresholdDbm0;
        _thresholdPower = AudioLevel.Dbm0ToPower(thresholdDbm0);
    }

    /// <summary>The level below which audio counts as silence.</summary>
    public double ThresholdDbm0 { get; }

    /// <summary>How long the audio has been below the threshold without a break (a multiple of 20 ms).</summary>
    public TimeSpan SilentFor => TimeSpan.FromMilliseconds(_silentFrames * LineAudio.FrameMilliseconds);

    /// <summary>Feeds the next samples; returns <see cref="SilentFor"/>.</summary>
    public TimeSpan Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            _frameEnergy += sample * (double)sample;
            if (++_frameFill == LineAudio.FrameSamples)
            {
                _silentFrames = _frameEnergy / LineAudio.FrameSamples < _thresholdPower ? _silentFrames + 1 : 0;
                _frameEnergy = 0;
                _frameFill = 0;
            }
        }

        return SilentFor;
    }

    /// <summary>Starts counting from zero (e.g. when a prompt finishes).</summary>
    public void Reset()
    {
        _frameEnergy = 0;
        _frameFill = 0;
        _silentFrames = 0;
    }
}
