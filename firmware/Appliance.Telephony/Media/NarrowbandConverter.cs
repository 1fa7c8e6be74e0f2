using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// Turns audio of any channel count and sample rate into what the box plays: 8 kHz mono, 16-bit. Channels are
/// averaged; the rate is changed by band-limited interpolation through a windowed-sinc low-pass that passes the
/// telephone band (to 3.4 kHz at 8 kHz out) and stops everything from the output's Nyquist frequency (4 kHz) up by
/// 80 dB, so a 5 kHz tone in a 44.1 kHz file does not come back as a 3 kHz whistle.
/// </summary>
public static class NarrowbandConverter
{
    /// <summary>The box's sample rate.</summary>
    public const int SampleRate = 8000;

    // Cutoff and transition as fractions of the lower Nyquist frequency: at 8 kHz out, 3.7 kHz ± 300 Hz.
    private const double CutoffFraction = 0.925;
    private const double TransitionFraction = 0.15;

    /// <summary>The audio as 8 kHz mono samples.</summary>
    public static short[] Convert(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var mono = DownMix(audio);
        var output = audio.SampleRate == SampleRate ? mono : Resample(mono, audio.SampleRate, SampleRate);
        return Array.ConvertAll(output, Quantize);
    }

    /// <summary>Changes <paramref name="input"/> (linear samples) from <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    public static double[] Resample(ReadOnlySpan<double> input, int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        var lowerNyquist = Math.Min(inputRate, outputRate) / 2.0;
        var kernel = new LowPassKernel(lowerNyquist * CutoffFraction, lowerNyquist * TransitionFraction);
        var output = new double[(int)(input.Length * (long)outputRate / inputRate)];
        var reach = kernel.HalfWidthSeconds * inputRate;
        for (var n = 0; n < output.Length; n++)
        {
            // The output sample's instant, in input samples; sum the inputs within the kernel's reach of it.
            var centre = n * (double)inputRate / outputRate;
            var first = Math.Max(0, (int)Math.Ceiling(centre - reach));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(centre + reach));
            var sum = 0.0;
            for (var k = first; k <= last; k++)
            {
                sum += input[k] * kernel.At((centre - k) / inputRate);
            }

            output[n] = sum / inputRate; // the kernel integrates to 1 over seconds; the samples are 1/inputRate apart
        }

        return output;
    }

    private static double[] DownMix(WavAudio audio)
    {
        var channels = audio.Channels;
        var mono = new double[audio.FrameCount];
        for (var frame = 0; frame < mono.Length; frame++)
        {
            var sum = 0.0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += audio.Samples[(frame * channels) + channel];
            }

            mono[frame] = sum / channels;
        }

        return mono;
    }

    // The filter can ring slightly past a full-scale input: saturate rather than wrap.
    private static short Quantize(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
