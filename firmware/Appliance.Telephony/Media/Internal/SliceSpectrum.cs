using System.Numerics;
using System.Runtime.InteropServices;

namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Complex DFT values of fixed-length slices of audio at a fixed set of frequencies, each slice referenced to its own first
/// sample. Consecutive slices can be combined afterwards into a longer window, or compared in phase to measure how far a
/// tone is off its nominal frequency. The cos/sin coefficients of all frequencies for one sample sit side by side, so each
/// sample costs one vector multiply-add per Vector&lt;float&gt; of outputs and no horizontal sums are needed.
/// </summary>
internal sealed class SliceSpectrum
{
    private readonly float[] _coefficients;
    private readonly int _outputs;
    private readonly int _vectorsPerSample;

    public SliceSpectrum(ReadOnlySpan<double> frequenciesHz, int sliceLength, int sampleRate)
    {
        SliceLength = sliceLength;
        FrequencyCount = frequenciesHz.Length;
        _vectorsPerSample = ((2 * frequenciesHz.Length) + Vector<float>.Count - 1) / Vector<float>.Count;
        _outputs = _vectorsPerSample * Vector<float>.Count;
        // Layout: for sample m, [cos f0, -sin f0, cos f1, -sin f1, ..., padding].
        _coefficients = new float[sliceLength * _outputs];
        for (var m = 0; m < sliceLength; m++)
        {
            for (var f = 0; f < frequenciesHz.Length; f++)
            {
                var angle = 2.0 * Math.PI * frequenciesHz[f] * m / sampleRate;
                _coefficients[(m * _outputs) + (2 * f)] = (float)Math.Cos(angle);
                _coefficients[(m * _outputs) + (2 * f) + 1] = (float)-Math.Sin(angle);
            }
        }
    }

    public int SliceLength { get; }

    public int FrequencyCount { get; }

    /// <summary>Writes X(f) = sum x[m] e^{-j w m} of <paramref name="slice"/> for every frequency.</summary>
    public void Analyze(ReadOnlySpan<float> slice, Span<float> real, Span<float> imaginary)
    {
        Span<Vector<float>> sums = stackalloc Vector<float>[_vectorsPerSample];
        ref var coefficients = ref MemoryMarshal.GetArrayDataReference(_coefficients);
        if (_vectorsPerSample == 1)
        {
            var sum = Vector<float>.Zero;
            for (var m = 0; m < slice.Length; m++)
            {
                sum += new Vector<float>(slice[m]) * Vector.LoadUnsafe(ref coefficients, (nuint)(m * Vector<float>.Count));
            }

            sums[0] = sum;
        }
        else if (_vectorsPerSample == 2)
        {
            // The usual case (eight frequencies, eight lanes): keep both accumulators in registers.
            var first = Vector<float>.Zero;
            var second = Vector<float>.Zero;
            nuint offset = 0;
            for (var m = 0; m < slice.Length; m++)
            {
                var sample = new Vector<float>(slice[m]);
                first += sample * Vector.LoadUnsafe(ref coefficients, offset);
                second += sample * Vector.LoadUnsafe(ref coefficients, offset + (nuint)Vector<float>.Count);
                offset += 2 * (nuint)Vector<float>.Count;
            }

            sums[0] = first;
            sums[1] = second;
        }
        else
        {
            sums.Clear();
            nuint offset = 0;
            for (var m = 0; m < slice.Length; m++)
            {
                var sample = new Vector<float>(slice[m]);
                for (var v = 0; v < sums.Length; v++)
                {
                    sums[v] += sample * Vector.LoadUnsafe(ref coefficients, offset);
                    offset += (nuint)Vector<float>.Count;
                }
            }
        }

        var outputs = MemoryMarshal.Cast<Vector<float>, float>(sums);
        for (var f = 0; f < FrequencyCount; f++)
        {
            real[f] = outputs[2 * f];
            imaginary[f] = outputs[(2 * f) + 1];
        }
    }
}
