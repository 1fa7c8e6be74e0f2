using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated;

/// <summary>An exchange tone such as dial tone or busy tone: one or two frequencies, switched on and off in a cadence.</summary>
public sealed record CallProgressTone
{
    /// <summary>A tone of <paramref name="frequency1Hz"/> (+ <paramref name="frequency2Hz"/> when not 0), <paramref name="on"/> then <paramref name="off"/>; an <paramref name="off"/> of zero means continuous.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A frequency outside 0–4000 Hz, a level above 0 dBm0, or a negative or zero "on" time with a nonzero "off" time.</exception>
    public CallProgressTone(double frequency1Hz, double frequency2Hz, double levelDbm0PerTone, TimeSpan on, TimeSpan off)
    {
        const double nyquist = LineAudio.SampleRate / 2.0;
        if (!(frequency1Hz > 0 && frequency1Hz < nyquist))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency1Hz), frequency1Hz, "A tone frequency must be above 0 and below 4000 Hz.");
        }

        if (!(frequency2Hz >= 0 && frequency2Hz < nyquist))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency2Hz), frequency2Hz, "A second tone frequency must be 0 (none) or below 4000 Hz.");
        }

        if (!(levelDbm0PerTone <= 0 && levelDbm0PerTone >= -60))
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbm0PerTone), levelDbm0PerTone, "A tone level must be between -60 and 0 dBm0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(off, TimeSpan.Zero);
        if (off > TimeSpan.Zero && on <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(on), on, "A cadenced tone needs a positive 'on' time.");
        }

        Frequency1Hz = frequency1Hz;
        Frequency2Hz = frequency2Hz;
        LevelDbm0PerTone = levelDbm0PerTone;
        On = off == TimeSpan.Zero ? TimeSpan.Zero : on;
        Off = off;
    }

    /// <summary>First frequency.</summary>
    public double Frequency1Hz { get; }

    /// <summary>Second frequency, or 0 for a single tone.</summary>
    public double Frequency2Hz { get; }

    /// <summary>Level of each frequency.</summary>
    public double LevelDbm0PerTone { get; }

    /// <summary>Length of each burst; zero for a continuous tone.</summary>
    public TimeSpan On { get; }

    /// <summary>Gap between bursts; zero for a continuous tone.</summary>
    public TimeSpan Off { get; }

    /// <summary>Whether the tone never pauses.</summary>
    public bool IsContinuous => Off == TimeSpan.Zero;

    /// <summary>A continuous tone.</summary>
    public static CallProgressTone Continuous(double frequency1Hz, double frequency2Hz, double levelDbm0PerTone)
        => new(frequency1Hz, frequency2Hz, levelDbm0PerTone, TimeSpan.Zero, TimeSpan.Zero);
}
