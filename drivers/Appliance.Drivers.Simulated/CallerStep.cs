using Appliance.Drivers.Simulated.Internal;
using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// One thing the simulated caller does after the box answers. Steps run in order on the exchange
/// tick, sample-exact: a step may end mid-frame and the next one starts right there. Steps are
/// immutable and may be reused across calls. Arguments are checked here, when the step is made.
/// </summary>
public abstract class CallerStep
{
    private const double MinimumLevelDbm0 = -60;
    private const double MaximumLevelDbm0 = 0;
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(1);

    private protected CallerStep()
    {
    }

    /// <summary>Stays silent (line noise only) for <paramref name="duration"/> (0 to 1 hour).</summary>
    public static CallerStep Wait(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A wait must last between 0 and 1 hour.");
        }

        return new WaitStep(ToSamples(duration));
    }

    /// <summary>Keys <paramref name="digits"/> (0-9 * # A-D) as in-band DTMF: each tone <paramref name="toneMs"/> long, then <paramref name="gapMs"/> of silence.</summary>
    public static CallerStep SendDtmf(string digits, int toneMs = 100, int gapMs = 100, double levelDbm0 = -10)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        var pairs = new (double Low, double High)[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            try
            {
                pairs[i] = DtmfFrequencies.For(digits[i]);
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"DTMF digits '{digits}' hold a character that is not a key at position {i}: {error.Message}", nameof(digits), error);
            }
        }

        if (toneMs is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(toneMs), toneMs, "A DTMF tone must last 1 to 10000 ms.");
        }

        if (gapMs is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(gapMs), gapMs, "A DTMF gap must last 0 to 10000 ms.");
        }

        CheckLevel(levelDbm0, nameof(levelDbm0));
        return new DtmfStep(digits, pairs, toneMs * LineAudio.SampleRate / 1000, gapMs * LineAudio.SampleRate / 1000, levelDbm0);
    }

    /// <summary>Plays <paramref name="frequency1Hz"/> (+ <paramref name="frequency2Hz"/> when not 0) for <paramref name="duration"/>.</summary>
    public static CallerStep PlayTone(double frequency1Hz, double frequency2Hz, TimeSpan duration, double levelDbm0 = -15)
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

        if (duration <= TimeSpan.Zero || duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A tone must last more than 0 and at most 1 hour.");
        }

        CheckLevel(levelDbm0, nameof(levelDbm0));
        return new ToneStep(frequency1Hz, frequency2Hz, ToSamples(duration), levelDbm0);
    }

    /// <summary>Plays 8 kHz 16-bit samples exactly as given (e.g. a WAV prompt read elsewhere). The array is copied.</summary>
    public static CallerStep PlaySamples(short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return new SamplesStep([.. samples]);
    }

    /// <summary>The caller hangs up; later steps do not run.</summary>
    public static CallerStep HangUp() => new ControlStep(CallerAction.HangUp);

    /// <summary>The line goes dead (no voltage, no audio) while the script carries on.</summary>
    public static CallerStep KillLine() => new ControlStep(CallerAction.KillLine);

    /// <summary>The line's voltage and audio come back.</summary>
    public static CallerStep RestoreLine() => new ControlStep(CallerAction.RestoreLine);

    internal abstract StepPlayer CreatePlayer();

    private static int ToSamples(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * LineAudio.SampleRate);

    private static void CheckLevel(double levelDbm0, string name)
    {
        if (!(levelDbm0 >= MinimumLevelDbm0 && levelDbm0 <= MaximumLevelDbm0))
        {
            throw new ArgumentOutOfRangeException(name, levelDbm0, $"A level must be between {MinimumLevelDbm0} and {MaximumLevelDbm0} dBm0.");
        }
    }
}
