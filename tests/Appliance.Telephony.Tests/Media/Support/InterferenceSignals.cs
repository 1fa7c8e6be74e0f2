using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media.Support;

/// <summary>
/// Deterministic (seeded) signals that are not DTMF but share its band: speech-like formant synthesis, music-like notes and
/// noise. A receiver must not report digits in them (talk-off).
/// </summary>
internal static class InterferenceSignals
{
    private const double SampleRate = 8000;

    // F1, F2, F3 of a few vowels (Hz).
    private static readonly (double F1, double F2, double F3)[] Vowels =
    [
        (730, 1090, 2440), (270, 2290, 3010), (530, 1840, 2480), (660, 1720, 2410), (300, 870, 2240),
        (640, 1190, 2390), (490, 1350, 1690), (570, 840, 2410), (440, 1020, 2240), (390, 1990, 2550),
    ];

    /// <summary>
    /// Speech-like audio: a glottal pulse train with a gliding pitch (70..300 Hz) through three formant resonators that move
    /// from vowel to vowel, in syllables of 80-350 ms with pauses, at -10..-30 dBm0.
    /// </summary>
    public static short[] Speech(double seconds, int seed)
    {
        var random = new Random(seed);
        var output = new short[(int)(seconds * SampleRate)];
        var resonators = new Resonator[3];
        var syllableBuffer = new double[(int)(0.35 * SampleRate)];
        var position = 0;
        var phase = 0.0;
        while (position < output.Length)
        {
            var syllable = Math.Min(output.Length - position, (int)(random.Next(80, 350) * SampleRate / 1000));
            var from = Vowels[random.Next(Vowels.Length)];
            var to = Vowels[random.Next(Vowels.Length)];
            var pitchStart = 70 + (random.NextDouble() * 230);
            var pitchEnd = Math.Clamp(pitchStart * (0.7 + (random.NextDouble() * 0.6)), 70, 300);
            double energy = 0;
            for (var n = 0; n < syllable; n++)
            {
                var t = n / (double)syllable;
                phase += Lerp(pitchStart, pitchEnd, t) / SampleRate;
                var excitation = 0.0;
                if (phase >= 1)
                {
                    phase -= 1;
                    excitation = 1.0;
                }

                // Slightly noisy excitation so that even steady vowels are not perfectly periodic.
                excitation += (random.NextDouble() - 0.5) * 0.05;
                resonators[0].Tune(Lerp(from.F1, to.F1, t), 80);
                resonators[1].Tune(Lerp(from.F2, to.F2, t), 110);
                resonators[2].Tune(Lerp(from.F3, to.F3, t), 160);
                var value = resonators[0].Next(excitation) + (0.6 * resonators[1].Next(excitation)) + (0.3 * resonators[2].Next(excitation));
                value *= Math.Sin(Math.PI * t);
                syllableBuffer[n] = value;
                energy += value * value;
            }

            // Scale each syllable to its own level between -10 and -30 dBm0.
            var rms = Math.Sqrt(energy / syllable);
            var scale = rms > 0 ? AudioLevel.SinePeak(-10 - (random.NextDouble() * 20)) / Math.Sqrt(2) / rms : 0;
            for (var n = 0; n < syllable; n++)
            {
                output[position + n] = AudioLevel.Saturate(syllableBuffer[n] * scale);
            }

            position += syllable;
            if (random.NextDouble() < 0.3)
            {
                position += (int)(random.Next(20, 200) * SampleRate / 1000);
            }
        }

        return output;
    }

    /// <summary>
    /// Music-like audio: notes of random pitch (100..2000 Hz) and level (-10..-30 dBm0) with 2-6 harmonics of random strength
    /// (like real instruments, the second harmonic within 9 dB of the fundamental), vibrato, tremolo and an attack/decay
    /// envelope, often two at once; and solo whistles (pure tones) that glide with vibrato.
    /// </summary>
    public static short[] Music(double seconds, int seed)
    {
        var random = new Random(seed);
        var output = new double[(int)(seconds * SampleRate)];
        var position = 0;
        while (position < output.Length)
        {
            var length = (int)(random.Next(60, 500) * SampleRate / 1000);
            if (random.NextDouble() < 0.15)
            {
                AddWhistle(output, position, length, random);
            }
            else
            {
                var voices = random.NextDouble() < 0.5 ? 2 : 1;
                for (var voice = 0; voice < voices; voice++)
                {
                    AddNote(output, position, length, random);
                }
            }

            position += length;
        }

        return Array.ConvertAll(output, AudioLevel.Saturate);
    }

    /// <summary>White noise whose level wanders between -40 and -10 dBm0 every 50-500 ms.</summary>
    public static short[] Noise(double seconds, int seed)
    {
        var random = new Random(seed);
        var output = new short[(int)(seconds * SampleRate)];
        var position = 0;
        while (position < output.Length)
        {
            var length = Math.Min(output.Length - position, (int)(random.Next(50, 500) * SampleRate / 1000));
            new Drivers.Simulated.Signals.WhiteNoiseSource(-40 + (random.NextDouble() * 30), random.Next()).Render(output.AsSpan(position, length));
            position += length;
        }

        return output;
    }

    private static void AddNote(double[] output, int start, int length, Random random)
    {
        var fundamental = 100 * Math.Pow(20, random.NextDouble());
        var harmonics = random.Next(2, 7);
        var peak = AudioLevel.SinePeak(-10 - (random.NextDouble() * 20));
        var vibratoRate = 4 + (random.NextDouble() * 3);
        var vibratoDepth = 0.002 + (random.NextDouble() * 0.013);
        var tremoloRate = 2 + (random.NextDouble() * 6);
        var tremoloDepth = random.NextDouble() * 0.3;
        var amplitudes = new double[harmonics];
        amplitudes[0] = 1.0;
        amplitudes[1] = 0.35 + (random.NextDouble() * 0.55);
        for (var h = 2; h < harmonics; h++)
        {
            amplitudes[h] = random.NextDouble() * 0.8;
        }

        var phases = new double[harmonics];
        for (var n = 0; n < length && start + n < output.Length; n++)
        {
            var t = n / SampleRate;
            var frequency = fundamental * (1 + (vibratoDepth * Math.Sin(2 * Math.PI * vibratoRate * t)));
            var envelope = Math.Min(1.0, n / (0.01 * SampleRate)) * Math.Exp(-3.0 * n / length)
                * (1 - (tremoloDepth * (0.5 + (0.5 * Math.Sin(2 * Math.PI * tremoloRate * t)))));
            var value = 0.0;
            for (var h = 0; h < harmonics; h++)
            {
                // Telephone band: harmonics above it are filtered out.
                var harmonicFrequency = frequency * (h + 1);
                if (harmonicFrequency < 3400)
                {
                    phases[h] += harmonicFrequency / SampleRate;
                    value += amplitudes[h] * Math.Sin(2 * Math.PI * phases[h]);
                }
            }

            output[start + n] += value * peak * envelope / Math.Sqrt(harmonics);
        }
    }

    private static void AddWhistle(double[] output, int start, int length, Random random)
    {
        var from = 300 + (random.NextDouble() * 2500);
        var to = from * (random.NextDouble() < 0.5 ? 0.8 + (random.NextDouble() * 0.15) : 1.05 + (random.NextDouble() * 0.15));
        var vibratoRate = 4 + (random.NextDouble() * 3);
        var vibratoDepth = 0.005 + (random.NextDouble() * 0.02);
        var peak = AudioLevel.SinePeak(-10 - (random.NextDouble() * 20));
        var phase = 0.0;
        for (var n = 0; n < length && start + n < output.Length; n++)
        {
            var glide = Lerp(from, to, n / (double)length);
            phase += glide * (1 + (vibratoDepth * Math.Sin(2 * Math.PI * vibratoRate * n / SampleRate))) / SampleRate;
            output[start + n] += peak * Math.Sin(2 * Math.PI * phase) * Math.Sin(Math.PI * n / length);
        }
    }

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);

    // Two-pole resonator with unity gain at its centre frequency (a formant).
    private struct Resonator
    {
        private double _a1;
        private double _a2;
        private double _gain;
        private double _y1;
        private double _y2;

        public void Tune(double frequency, double bandwidth)
        {
            var radius = Math.Exp(-Math.PI * bandwidth / SampleRate);
            _a1 = 2 * radius * Math.Cos(2 * Math.PI * frequency / SampleRate);
            _a2 = -radius * radius;
            _gain = 1 - radius;
        }

        public double Next(double input)
        {
            var y = (_gain * input) + (_a1 * _y1) + (_a2 * _y2);
            _y2 = _y1;
            _y1 = y;
            return y;
        }
    }
}
