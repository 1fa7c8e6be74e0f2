using Appliance.Hal.Lines;
using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// In-band DTMF receiver per ITU-T Q.24 for 8 kHz audio in chunks of any length. The signal is cut into 4 ms slices; every
/// slice, the last 20 ms are examined: in each group the tone's actual frequency is measured (from the phase advance
/// between slices) and must lie within tolerance of a key frequency, its power is measured at that frequency, the twist
/// must be within limits, the pair must not be a note and its octave, and the two tones must carry most of the energy
/// (speech, music and noise spread theirs). A key-down is recognised after four consecutive such windows whose tones hold
/// steady (about 30 ms of tone: 40 ms tones pass, 23 ms ones do not), reported once, and released after five windows
/// without it (so a 10 ms drop-out does not split a digit while a 40 ms pause is recognised).
/// </summary>
public sealed class DtmfDetector
{
    private const int SliceLength = 32;
    private const int WindowSlices = 5;
    private const double KeyDownEnergyShare = 0.88;
    private const double HoldEnergyShare = 0.5;
    private const int KeyDownWindows = 4;
    private const int KeyUpWindows = 5;
    private const int PendingCapacity = 8;

    // A key's tones come from a stable oscillator: while a key-down is being confirmed they may move by no more than
    // measurement noise. Gliding whistles, vibrato and decaying notes move more.
    private const double SteadyHertz = 8;
    private static readonly double SteadyPowerRatio = Math.Pow(10, 2.5 / 10);

    private readonly ToneWindow _window;
    private readonly DtmfClassifier _classifier;
    private readonly char[] _pending = new char[PendingCapacity];
    private int _pendingStart;
    private int _pendingCount;
    private char _candidate;
    private DtmfObservation _candidateStart;
    private int _candidateWindows;
    private int _windowsWithoutHeld;

    /// <summary>A detector with the default (Q.24) settings.</summary>
    public DtmfDetector()
        : this(new DtmfDetectorOptions())
    {
    }

    /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
    public DtmfDetector(DtmfDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DtmfDetectorOptionsValidator.ThrowIfInvalid(options);
        _classifier = new DtmfClassifier(options);
        _window = new ToneWindow(DtmfClassifier.Frequencies, SliceLength, WindowSlices, LineAudio.SampleRate);
    }

    /// <summary>The key currently held down, or '\0'.</summary>
    public char HeldDigit { get; private set; }

    /// <summary>
    /// Feeds the next samples. Returns the digit whose key-down was recognised in this chunk, or '\0'. Should one chunk hold
    /// more than one key-down (only possible with chunks of 80 ms or more), the later ones are returned by the next calls.
    /// </summary>
    public char Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var used = _window.Append(samples, out var sliceCompleted);
            samples = samples[used..];
            if (sliceCompleted && _window.IsFull)
            {
                Step();
            }
        }

        if (_pendingCount == 0)
        {
            return '\0';
        }

        var digit = _pending[_pendingStart];
        _pendingStart = (_pendingStart + 1) % PendingCapacity;
        _pendingCount--;
        return digit;
    }

    /// <summary>Forgets all audio and any held key.</summary>
    public void Reset()
    {
        _window.Reset();
        _pendingStart = 0;
        _pendingCount = 0;
        _candidate = '\0';
        _candidateWindows = 0;
        _windowsWithoutHeld = 0;
        HeldDigit = '\0';
    }

    private void Step()
    {
        var observation = _classifier.Classify(_window);
        var digit = observation.Digit;
        var share = observation.EnergyShare;
        var keyDown = digit != '\0' && share >= KeyDownEnergyShare;
        if (keyDown && digit == _candidate && observation.IsSteadyWith(_candidateStart, SteadyHertz, SteadyPowerRatio))
        {
            _candidateWindows++;
        }
        else
        {
            _candidate = keyDown ? digit : '\0';
            _candidateWindows = keyDown ? 1 : 0;
            _candidateStart = observation;
        }

        if (HeldDigit != '\0')
        {
            var stillHeld = digit == HeldDigit && share >= HoldEnergyShare;
            _windowsWithoutHeld = stillHeld ? 0 : _windowsWithoutHeld + 1;
            if (_windowsWithoutHeld < KeyUpWindows)
            {
                return;
            }

            HeldDigit = '\0';
        }

        if (_candidateWindows >= KeyDownWindows)
        {
            HeldDigit = _candidate;
            _windowsWithoutHeld = 0;
            Enqueue(_candidate);
        }
    }

    private void Enqueue(char digit)
    {
        if (_pendingCount == PendingCapacity)
        {
            return; // nobody is reading: drop the newest rather than allocate
        }

        _pending[(_pendingStart + _pendingCount) % PendingCapacity] = digit;
        _pendingCount++;
    }
}
