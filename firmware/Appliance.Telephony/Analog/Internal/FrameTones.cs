using Appliance.Hal.Lines;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Analog.Internal;

/// <summary>Per-frame checks for steady call-progress tones (dial tone, ringback) and for audio that is not one.</summary>
internal static class FrameTones
{
    /// <summary>Weakest tone that counts as the exchange's.</summary>
    public const double FloorDbm0 = -40;

    private static readonly double FloorPower = AudioLevel.Dbm0ToPower(FloorDbm0);

    /// <summary>Whether the frame is mostly <paramref name="f1"/> (+ <paramref name="f2"/>), each above the floor.</summary>
    public static bool IsTone(ReadOnlySpan<short> frame, double f1, double f2)
    {
        var total = MeanPower(frame);
        var p1 = PowerAt(frame, f1);
        var p2 = f2 > 0 ? PowerAt(frame, f2) : 0;
        return p1 >= FloorPower && (f2 == 0 || p2 >= FloorPower) && p1 + p2 >= total * 0.6;
    }

    /// <summary>
    /// Whether the frame carries sound above <paramref name="thresholdPower"/> that is mostly not at any of
    /// <paramref name="progressFrequencies"/>: a voice, a tone or DTMF from the far end rather than the exchange.
    /// </summary>
    public static bool IsFarEndSound(ReadOnlySpan<short> frame, IReadOnlyList<double> progressFrequencies, double thresholdPower)
    {
        var total = MeanPower(frame);
        if (total < thresholdPower)
        {
            return false;
        }

        double progress = 0;
        foreach (var frequency in progressFrequencies)
        {
            progress += PowerAt(frame, frequency);
        }

        return progress < total * 0.5;
    }

    private static double MeanPower(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += sample * (double)sample;
        }

        return sum / frame.Length;
    }

    // Goertzel at the exact frequency, scaled so that a sine there reads its own mean power.
    private static double PowerAt(ReadOnlySpan<short> frame, double frequencyHz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequencyHz / LineAudio.SampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in frame)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var magnitudeSquared = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * magnitudeSquared / ((double)frame.Length * frame.Length);
    }
}
