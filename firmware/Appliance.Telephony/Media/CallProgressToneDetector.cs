using Appliance.Hal.Lines;
using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// Recognises a cadenced call-progress tone (busy tone, for disconnect supervision on analog lines) in 8 kHz audio in chunks
/// of any length. Every 5 ms the last 20 ms are checked for the profile's frequencies (measured, within tolerance, above the
/// level floor and carrying most of the energy); the on and off times between changes must match the cadence, and after
/// the profile's number of whole cycles in a row the tone counts as detected. A steady tone, speech or noise does not.
/// </summary>
public sealed class CallProgressToneDetector
{
    private const int SliceLength = 40;
    private const int WindowSlices = 4;
    private const double MinimumEnergyShare = 0.6;
    private const int ChangeConfirmations = 2;
    private static readonly TimeSpan MinimumTimingTolerance = TimeSpan.FromMilliseconds(40);

    private readonly CallProgressToneProfile _profile;
    private readonly ToneWindow _window;
    private readonly double _minimumPower;
    private readonly long _slicesOnMin;
    private readonly long _slicesOnMax;
    private readonly long _slicesOffMin;
    private readonly long _slicesOffMax;
    private bool? _toneOn;
    private bool _sawChange;
    private int _disagreeing;
    private long _segmentSlices;
    private bool _onMatched;
    private int _cycles;

    /// <exception cref="ArgumentException">The profile is out of range (the message names the field).</exception>
    public CallProgressToneDetector(CallProgressToneProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _profile = profile;
        double[] frequencies = profile.Frequency2Hz > 0 ? [profile.Frequency1Hz, profile.Frequency2Hz] : [profile.Frequency1Hz];
        _window = new ToneWindow(frequencies, SliceLength, WindowSlices, LineAudio.SampleRate);
        _minimumPower = AudioLevel.Dbm0ToPower(profile.MinimumLevelDbm0);
        (_slicesOnMin, _slicesOnMax) = SliceRange(profile.On, profile.TimingTolerancePercent);
        (_slicesOffMin, _slicesOffMax) = SliceRange(profile.Off, profile.TimingTolerancePercent);
    }

    /// <summary>The profile being watched for.</summary>
    public CallProgressToneProfile Profile => _profile;

    /// <summary>True once the cadence has been confirmed (stays true until <see cref="Reset"/>).</summary>
    public bool Detected { get; private set; }

    /// <summary>Feeds the next samples; returns <see cref="Detected"/>.</summary>
    public bool Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty && !Detected)
        {
            var used = _window.Append(samples, out var sliceCompleted);
            samples = samples[used..];
            if (sliceCompleted && _window.IsFull)
            {
                Step(ToneIsPresent());
            }
        }

        return Detected;
    }

    /// <summary>Starts over: no cadence seen, not detected.</summary>
    public void Reset()
    {
        _window.Reset();
        _toneOn = null;
        _sawChange = false;
        _disagreeing = 0;
        _segmentSlices = 0;
        _onMatched = false;
        _cycles = 0;
        Detected = false;
    }

    private bool ToneIsPresent()
    {
        var total = _window.MeanPower();
        if (total < _minimumPower)
        {
            return false;
        }

        double tonePower = 0;
        for (var f = 0; f < (_profile.Frequency2Hz > 0 ? 2 : 1); f++)
        {
            var nominal = f == 0 ? _profile.Frequency1Hz : _profile.Frequency2Hz;
            if (!_window.TryMeasureTone(f, out var frequency, out var power)
                || Math.Abs(frequency - nominal) > nominal * _profile.FrequencyTolerancePercent / 100 || power < _minimumPower)
            {
                return false;
            }

            tonePower += power;
        }

        return tonePower >= total * MinimumEnergyShare;
    }

    private void Step(bool present)
    {
        _segmentSlices++;
        if (_toneOn is null)
        {
            _toneOn = present;
            return;
        }

        // A change counts once it has held for a few slices, and is dated back to where it began.
        _disagreeing = present == _toneOn ? 0 : _disagreeing + 1;
        if (_disagreeing < ChangeConfirmations)
        {
            CheckRunningSegment();
            return;
        }

        var ended = _segmentSlices - _disagreeing;
        // The first segment began before we listened: its length means nothing.
        if (_sawChange)
        {
            OnSegmentEnded(_toneOn.Value, ended);
        }

        _sawChange = true;
        _toneOn = present;
        _segmentSlices = _disagreeing;
        _disagreeing = 0;
    }

    private void OnSegmentEnded(bool wasOn, long slices)
    {
        if (wasOn)
        {
            _onMatched = slices >= _slicesOnMin && slices <= _slicesOnMax;
            if (!_onMatched)
            {
                _cycles = 0;
            }

            return;
        }

        if (_onMatched && slices >= _slicesOffMin && slices <= _slicesOffMax)
        {
            _cycles++;
            Detected = _cycles >= _profile.CyclesNeeded;
        }
        else
        {
            _cycles = 0;
        }

        _onMatched = false;
    }

    // A tone (or silence) that has already lasted too long breaks the cadence without waiting for it to end.
    private void CheckRunningSegment()
    {
        var maximum = _toneOn == true ? _slicesOnMax : _slicesOffMax;
        if (_segmentSlices > maximum)
        {
            _cycles = 0;
            _onMatched = false;
        }
    }

    private static (long Minimum, long Maximum) SliceRange(TimeSpan nominal, double tolerancePercent)
    {
        var tolerance = TimeSpan.FromTicks(Math.Max(MinimumTimingTolerance.Ticks, (long)(nominal.Ticks * tolerancePercent / 100)));
        var sliceTicks = TimeSpan.TicksPerSecond * SliceLength / LineAudio.SampleRate;
        return ((nominal - tolerance).Ticks / sliceTicks, (nominal + tolerance).Ticks / sliceTicks);
    }
}
