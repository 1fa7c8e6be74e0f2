namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Decides which DTMF key, if any, the current analysis window holds, and how much of the window's energy the two tones
/// account for (the share is what rejects speech, music and noise: their energy is spread over many frequencies).
/// </summary>
internal sealed class DtmfClassifier
{
    public const string Keys = "123A456B789C*0#D";

    public static readonly double[] Frequencies = [697, 770, 852, 941, 1209, 1336, 1477, 1633];

    private const double OctaveTolerance = 0.009;

    // Tones this far from the bin they are measured in may have had their phase advance per slice wrapped (aliased).
    private const double TrustedOffsetHz = 90;

    private readonly double _minimumTonePower;
    private readonly double _maximumHighOverLow;
    private readonly double _maximumLowOverHigh;
    private readonly double _tolerance;

    public DtmfClassifier(DtmfDetectorOptions options)
    {
        _minimumTonePower = AudioLevel.Dbm0ToPower(options.MinimumToneLevelDbm0);
        _maximumHighOverLow = Math.Pow(10, options.MaximumHighGroupExcessDb / 10);
        _maximumLowOverHigh = Math.Pow(10, options.MaximumLowGroupExcessDb / 10);
        _tolerance = options.FrequencyTolerancePercent / 100;
    }

    /// <summary>The key in the window (Digit '\0' when none) with its measured tones.</summary>
    public DtmfObservation Classify(ToneWindow window)
    {
        var total = window.MeanPower();
        if (total < 2 * _minimumTonePower)
        {
            return default;
        }

        if (!TryFindTone(window, 0, out var row, out var lowHz, out var lowPower)
            || !TryFindTone(window, 4, out var column, out var highHz, out var highPower))
        {
            return default;
        }

        // A sound and its own octave (a note with a strong second harmonic) can land in both groups within tolerance. No key
        // pair is an octave: the nearest (770/1477 Hz) stays 1.2 % short of one even with both tones 1.5 % off.
        if (Math.Abs((highHz / lowHz) - 2.0) < OctaveTolerance * 2.0)
        {
            return default;
        }

        if (lowPower < _minimumTonePower || highPower < _minimumTonePower
            || highPower > lowPower * _maximumHighOverLow || lowPower > highPower * _maximumLowOverHigh)
        {
            return default;
        }

        return new DtmfObservation(Keys[(row * 4) + column], (lowPower + highPower) / total, lowHz, highHz, lowPower, highPower);
    }

    // Finds the tone of one group (analysis frequencies first..first+3). Over a 4 ms slice neighbouring key frequencies are
    // barely 1-2 dB apart, so noise can make the wrong bin the strongest; the frequency measured from it is still right (the
    // phase advance is unambiguous within ±125 Hz), so the tone is measured again in the bin of the key nearest to it.
    private bool TryFindTone(ToneWindow window, int first, out int index, out double frequencyHz, out double power)
    {
        index = -1;
        power = 0;
        var strongest = first;
        var strongestPower = window.IncoherentPower(first);
        for (var f = first + 1; f < first + 4; f++)
        {
            var candidate = window.IncoherentPower(f);
            if (candidate > strongestPower)
            {
                strongest = f;
                strongestPower = candidate;
            }
        }

        if (!window.TryMeasureTone(strongest, out frequencyHz, out power))
        {
            return false;
        }

        // Near the edge of the unambiguous range the phase advance may have wrapped: trust nothing that far out.
        if (Math.Abs(frequencyHz - Frequencies[strongest]) > TrustedOffsetHz)
        {
            return false;
        }

        var nearest = first;
        for (var f = first + 1; f < first + 4; f++)
        {
            if (Math.Abs(frequencyHz - Frequencies[f]) < Math.Abs(frequencyHz - Frequencies[nearest]))
            {
                nearest = f;
            }
        }

        if (nearest != strongest && !window.TryMeasureTone(nearest, out frequencyHz, out power))
        {
            return false;
        }

        if (Math.Abs(frequencyHz - Frequencies[nearest]) > Frequencies[nearest] * _tolerance)
        {
            return false;
        }

        index = nearest - first;
        return true;
    }
}
