using Appliance.Hal.Lines;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;

namespace Appliance.Core.Acd.Internal;

/// <summary>What a phone hears after a feature code when no prompt is recorded for it: two high beeps, or a low triple.</summary>
internal static class FeatureTones
{
    /// <summary>Done: 1000 Hz, 200 ms, a 100 ms gap, 200 ms.</summary>
    public static AudioClip Confirmation { get; } = Render("feature-confirmed", new ToneGenerator(1000, 0, -13, [Ms(200), Ms(100), Ms(200)], repeat: false), Ms(500));

    /// <summary>Refused: 480 + 620 Hz (the busy pair), three 250 ms bursts 250 ms apart.</summary>
    public static AudioClip Refusal { get; } = Render("feature-refused", new ToneGenerator(480, 620, -13, [Ms(250), Ms(250), Ms(250), Ms(250), Ms(250)], repeat: false), Ms(1250));

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static AudioClip Render(string name, ToneGenerator tone, TimeSpan length)
    {
        var samples = new short[(int)(length.TotalSeconds * LineAudio.SampleRate)];
        tone.Render(samples);
        return new AudioClip(name, samples);
    }
}
