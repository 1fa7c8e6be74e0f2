using System.Numerics;
using System.Runtime.InteropServices;

namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Complex DFT values of fixed-length slices of audio at a fixed set of frequencies, each slice referenced to its own first
/// sample. Consecutive slices can be combined afterwards into a longer window, or compared in phase to measure how far a
/// tone is off its nominal frequency. Plain dot products with precomputed cos/sin tables vectorise well (Vector&lt;float&gt;).
/// </summary>
internal sealed class SliceSpectrum
{
    private readonly float[] _cosines;
    private readonly float[] _sines;

    public SliceSpectrum(ReadOnlySpan<double> frequenciesHz, int sliceLength, int sampleRate)
    {
        SliceLength = sliceLength;
        FrequencyCount = frequenciesHz.Length;
        _cosines = new float[frequenciesHz.Length * sliceLength];
        _sines = new float[frequenciesHz.Length * sliceLength];
        for (var f = 0; f < frequenciesHz.Length; f++)
        {
            var omega = 2.0 * Math.PI * frequenciesHz[f] / sampleRate;
            for (var m = 0; m < sliceLength; m++)
            {
                _cosines[(f * sliceLength) + m] = (float)Math.Cos(omega * m);
                _sines[(f * sliceLength) + m] = (float)-Math.Sin(omega * m);
            }
        }
    }

    public int SliceLength { get; }

    public int FrequencyCount { get; }

    /// <summary>Writes X(f) = sum x[m] e^{-j w m} of <paramref name="slice"/> for every frequency.</summary>
    public void Analyze(ReadOnlySpan<float> slice, Span<float> real, Span<float> imaginary)
    {
        for (var f = 0; f < FrequencyCount; f++)
        {
            real[f] = Dot(slice, _cosines.AsSpan(f * SliceLength, SliceLength));
            imaginary[f] = Dot(slice, _sines.AsSpan(f * SliceLength, SliceLength));
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += Vector.LoadUnsafe(ref left, (nuint)i) * Vector.LoadUnsafe(ref right, (nuint)i);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
