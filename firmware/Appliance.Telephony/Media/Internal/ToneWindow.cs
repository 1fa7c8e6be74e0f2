namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// The last few slice spectra of a signal (a sliding window of <see cref="WindowSlices"/> slices) and what can be measured
/// from them: the total power, and for a chosen analysis frequency the actual frequency of the tone near it (from the phase
/// advance between slices) and that tone's power measured coherently over the whole window at that actual frequency.
/// Measuring at the estimated frequency is what lets a detector accept a tone 1.5 % off with no loss of level, yet reject one
/// 3.5 % off by its frequency, which a fixed-frequency Goertzel over a window this short cannot tell apart.
/// </summary>
internal sealed class ToneWindow
{
    private readonly SliceSpectrum _spectrum;
    private readonly double[] _frequenciesHz;
    private readonly double[] _rotationReal;
    private readonly double[] _rotationImaginary;
    private readonly double[] _lagRotationSin;
    private readonly double[] _lagRotationCos;
    private readonly float[] _real;
    private readonly float[] _imaginary;
    private readonly double[] _energy;
    private readonly double[] _sum;
    private readonly float[] _slice;
    private readonly int _sampleRate;
    private int _newest = -1;
    private int _filled;
    private int _sliceFill;

    public ToneWindow(double[] frequenciesHz, int sliceLength, int windowSlices, int sampleRate)
    {
        _frequenciesHz = frequenciesHz;
        _sampleRate = sampleRate;
        WindowSlices = windowSlices;
        _spectrum = new SliceSpectrum(frequenciesHz, sliceLength, sampleRate);
        _real = new float[frequenciesHz.Length * windowSlices];
        _imaginary = new float[frequenciesHz.Length * windowSlices];
        _energy = new double[windowSlices];
        _sum = new double[windowSlices];
        _slice = new float[sliceLength];
        _rotationReal = new double[frequenciesHz.Length];
        _rotationImaginary = new double[frequenciesHz.Length];
        _lagRotationSin = new double[frequenciesHz.Length];
        _lagRotationCos = new double[frequenciesHz.Length];
        for (var f = 0; f < frequenciesHz.Length; f++)
        {
            // Phase a tone exactly at the nominal frequency advances by from one slice to the next.
            var advance = 2.0 * Math.PI * frequenciesHz[f] * sliceLength / sampleRate;
            _rotationReal[f] = Math.Cos(advance);
            _rotationImaginary[f] = -Math.Sin(advance);
            (_lagRotationSin[f], _lagRotationCos[f]) = Math.SinCos(advance * FineLag);
        }
    }

    public int WindowSlices { get; }

    // Fine frequency measurement compares the first and last FineBlock slices, FineLag slices apart.
    private int FineBlock => WindowSlices / 2;

    private int FineLag => WindowSlices - FineBlock;

    public int SliceLength => _slice.Length;

    public int WindowLength => WindowSlices * SliceLength;

    /// <summary>True once the window holds <see cref="WindowSlices"/> slices.</summary>
    public bool IsFull => _filled >= WindowSlices;

    /// <summary>
    /// Takes samples until a slice completes; returns how many were consumed and whether a slice was completed
    /// (after which the window has moved on by one slice).
    /// </summary>
    public int Append(ReadOnlySpan<short> samples, out bool sliceCompleted)
    {
        var take = Math.Min(samples.Length, _slice.Length - _sliceFill);
        for (var i = 0; i < take; i++)
        {
            _slice[_sliceFill + i] = samples[i];
        }

        _sliceFill += take;
        sliceCompleted = _sliceFill == _slice.Length;
        if (sliceCompleted)
        {
            CompleteSlice();
        }

        return take;
    }

    /// <summary>Mean power of the whole window, leaving out any DC offset (which is not sound, but a line or codec bias).</summary>
    public double MeanPower()
    {
        double energy = 0, sum = 0;
        for (var k = 0; k < WindowSlices; k++)
        {
            energy += _energy[k];
            sum += _sum[k];
        }

        var mean = sum / WindowLength;
        return Math.Max(0, (energy / WindowLength) - (mean * mean));
    }

    /// <summary>Sum over the window of each slice's power at frequency <paramref name="f"/> (for picking the strongest bin).</summary>
    public double IncoherentPower(int f)
    {
        double sum = 0;
        var offset = f * WindowSlices;
        for (var k = 0; k < WindowSlices; k++)
        {
            sum += (_real[offset + k] * (double)_real[offset + k]) + (_imaginary[offset + k] * (double)_imaginary[offset + k]);
        }

        return sum;
    }

    /// <summary>
    /// Measures the tone near analysis frequency <paramref name="f"/>: its frequency in Hz and its mean power (squared
    /// sample units) over the window. False when there is nothing measurable (silence).
    /// </summary>
    public bool TryMeasureTone(int f, out double frequencyHz, out double power)
    {
        frequencyHz = 0;
        power = 0;
        var offset = f * WindowSlices;

        // Coarse: the phase advance from each slice to the next (sum of Y[k] conj(Y[k-1])), unambiguous within half the
        // slice rate (±125 Hz for 4 ms slices) but disturbed by leakage of other tones through the short slices' sidelobes.
        double zReal = 0, zImaginary = 0;
        for (var age = WindowSlices - 2; age >= 0; age--)
        {
            MultiplyConjugate(offset + Position(age), offset + Position(age + 1), ref zReal, ref zImaginary);
        }

        if (zReal == 0 && zImaginary == 0)
        {
            return false;
        }

        var advance = ExtraAdvance(zReal, zImaginary, f, 1);

        // Fine: the phase advance between the first and last pair of slices, each pair added up into one longer block whose
        // sidelobes leak far less; the coarse value says which turn of the phase it is.
        if (WindowSlices >= 4)
        {
            var block = FineBlock;
            var lag = FineLag;
            BlockSum(offset, WindowSlices - 1, block, f, out var firstReal, out var firstImaginary);
            BlockSum(offset, block - 1, block, f, out var lastReal, out var lastImaginary);
            var fineReal = (lastReal * firstReal) + (lastImaginary * firstImaginary);
            var fineImaginary = (lastImaginary * firstReal) - (lastReal * firstImaginary);
            if (fineReal != 0 || fineImaginary != 0)
            {
                var fine = ExtraAdvance(fineReal, fineImaginary, f, lag);
                var turns = Math.Round((advance - fine) * lag / (2.0 * Math.PI));
                advance = fine + (turns * 2.0 * Math.PI / lag);
            }
        }

        frequencyHz = _frequenciesHz[f] + (advance * _sampleRate / (2.0 * Math.PI * SliceLength));

        // Rotate every slice back by the actual advance per slice and add them up coherently: the DFT of the whole window
        // at the measured frequency.
        var (stepImaginary, stepReal) = Math.SinCos(-((2.0 * Math.PI * _frequenciesHz[f] * SliceLength / _sampleRate) + advance));
        double rotorReal = 1, rotorImaginary = 0, sumReal = 0, sumImaginary = 0;
        for (var age = WindowSlices - 1; age >= 0; age--)
        {
            var index = offset + Position(age);
            sumReal += (_real[index] * rotorReal) - (_imaginary[index] * rotorImaginary);
            sumImaginary += (_real[index] * rotorImaginary) + (_imaginary[index] * rotorReal);
            var nextReal = (rotorReal * stepReal) - (rotorImaginary * stepImaginary);
            rotorImaginary = (rotorReal * stepImaginary) + (rotorImaginary * stepReal);
            rotorReal = nextReal;
        }

        // Within a slice the tone still drifts by the offset: divide out that (Dirichlet kernel) loss.
        var offsetPerSample = advance / SliceLength;
        var gain = Math.Abs(offsetPerSample) < 1e-9
            ? 1.0
            : Math.Abs(Math.Sin(advance / 2.0) / (SliceLength * Math.Sin(offsetPerSample / 2.0)));
        var n = (double)WindowLength * Math.Max(gain, 0.1);
        power = 2.0 * ((sumReal * sumReal) + (sumImaginary * sumImaginary)) / (n * n);
        return true;
    }

    public void Reset()
    {
        _newest = -1;
        _filled = 0;
        _sliceFill = 0;
        Array.Clear(_real);
        Array.Clear(_imaginary);
        Array.Clear(_energy);
        Array.Clear(_sum);
    }

    // Phase advance per slice beyond the nominal one, from a product whose angle is the advance over `lag` slices.
    private double ExtraAdvance(double real, double imaginary, int f, int lag)
    {
        var (nominalSin, nominalCos) = lag == 1
            ? (-_rotationImaginary[f], _rotationReal[f])
            : lag == FineLag
                ? (_lagRotationSin[f], _lagRotationCos[f])
                : Math.SinCos(2.0 * Math.PI * _frequenciesHz[f] * SliceLength * lag / _sampleRate);
        var extraReal = (real * nominalCos) + (imaginary * nominalSin);
        var extraImaginary = (imaginary * nominalCos) - (real * nominalSin);
        return Math.Atan2(extraImaginary, extraReal) / lag;
    }

    // Accumulates Y[current] * conj(Y[previous]).
    private void MultiplyConjugate(int current, int previous, ref double real, ref double imaginary)
    {
        real += (_real[current] * (double)_real[previous]) + (_imaginary[current] * (double)_imaginary[previous]);
        imaginary += (_imaginary[current] * (double)_real[previous]) - (_real[current] * (double)_imaginary[previous]);
    }

    // DFT at the nominal frequency of `count` consecutive slices starting with the one `oldestAge` old, referenced to it.
    private void BlockSum(int offset, int oldestAge, int count, int f, out double real, out double imaginary)
    {
        real = 0;
        imaginary = 0;
        double rotorReal = 1, rotorImaginary = 0;
        for (var i = 0; i < count; i++)
        {
            var index = offset + Position(oldestAge - i);
            real += (_real[index] * rotorReal) - (_imaginary[index] * rotorImaginary);
            imaginary += (_real[index] * rotorImaginary) + (_imaginary[index] * rotorReal);
            var nextReal = (rotorReal * _rotationReal[f]) - (rotorImaginary * _rotationImaginary[f]);
            rotorImaginary = (rotorReal * _rotationImaginary[f]) + (rotorImaginary * _rotationReal[f]);
            rotorReal = nextReal;
        }
    }

    // Ring position of the slice that is `age` slices old (0 = newest).
    private int Position(int age) => (_newest - age + WindowSlices) % WindowSlices;

    private void CompleteSlice()
    {
        _newest = (_newest + 1) % WindowSlices;
        _filled = Math.Min(_filled + 1, WindowSlices);
        _sliceFill = 0;
        double energy = 0, sum = 0;
        foreach (var sample in _slice)
        {
            energy += sample * (double)sample;
            sum += sample;
        }

        _energy[_newest] = energy;
        _sum[_newest] = sum;
        Span<float> real = stackalloc float[_spectrum.FrequencyCount];
        Span<float> imaginary = stackalloc float[_spectrum.FrequencyCount];
        _spectrum.Analyze(_slice, real, imaginary);
        for (var f = 0; f < real.Length; f++)
        {
            _real[(f * WindowSlices) + _newest] = real[f];
            _imaginary[(f * WindowSlices) + _newest] = imaginary[f];
        }
    }
}
