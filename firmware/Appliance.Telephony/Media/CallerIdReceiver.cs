using Appliance.Hal.Lines;
using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// On-hook caller-ID receiver (the FSK burst between the first and second ring) for 8 kHz audio in chunks of any length.
/// An FSK detector turns audio into mark/space decisions; after at least 30 bits of continuous mark (which the channel
/// seizure's alternating bits never give) a UART reads bytes (start bit, 8 data bits LSB first, stop bit), resynchronising
/// on every start bit; the message ends after its length byte says so and counts only if its checksum is right.
/// </summary>
public sealed class CallerIdReceiver
{
    private const double BaudRate = 1200;
    private const int MarkBitsBeforeMessage = 30;
    private const int MaximumMessageLength = 2 + 255 + 1;

    private static readonly double SamplesPerBit = LineAudio.SampleRate / BaudRate;

    private readonly FskDemodulator _demodulator;
    private readonly byte[] _message = new byte[MaximumMessageLength];
    private readonly float[] _recentDecisions = new float[4];
    private readonly int _markSamplesBeforeMessage = (int)(MarkBitsBeforeMessage * LineAudio.SampleRate / BaudRate);
    private State _state;
    private long _sampleIndex;
    private int _markRun;
    private int _spaceRun;
    private double _nextBitAt;
    private int _bitIndex;
    private int _byteValue;
    private int _messageLength;
    private CallerIdMessage? _completed;

    /// <summary>A receiver for Bell 202 or V.23 at the default level floor.</summary>
    public CallerIdReceiver()
        : this(new CallerIdReceiverOptions())
    {
    }

    /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
    public CallerIdReceiver(CallerIdReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CallerIdReceiverOptionsValidator.ThrowIfInvalid(options);
        var (markHz, spaceHz) = options.Modulation switch
        {
            CallerIdModulation.Bell202 => (1200.0, 2200.0),
            CallerIdModulation.V23 => (1300.0, 2100.0),
            _ => (1250.0, 2150.0),
        };
        // The carrier floor is compared with smoothed power; a sine at the floor has the floor's mean power.
        _demodulator = new FskDemodulator(markHz, spaceHz, LineAudio.SampleRate, AudioLevel.Dbm0ToPower(options.MinimumLevelDbm0));
    }

    private enum State
    {
        Hunting,
        AwaitingStartBit,
        InByte,
    }

    /// <summary>Messages whose checksum was wrong (and that were therefore dropped) since construction or reset.</summary>
    public int ChecksumFailures { get; private set; }

    /// <summary>
    /// Feeds the next samples; returns the caller-ID message completed in this chunk (valid checksum, SDMF or MDMF), else
    /// null.
    /// </summary>
    public CallerIdMessage? Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            var decision = _demodulator.Next(sample, out var carrier);
            _recentDecisions[(int)(_sampleIndex & 3)] = decision;
            Step(decision, carrier);
            _sampleIndex++;
        }

        var message = _completed;
        _completed = null;
        return message;
    }

    /// <summary>Forgets any partly received message and the failure count.</summary>
    public void Reset()
    {
        _demodulator.Reset();
        Array.Clear(_recentDecisions);
        _state = State.Hunting;
        _markRun = 0;
        _spaceRun = 0;
        _messageLength = 0;
        _completed = null;
        ChecksumFailures = 0;
    }

    private void Step(float decision, bool carrier)
    {
        if (!carrier)
        {
            // Carrier lost: whatever was being received is gone.
            _state = State.Hunting;
            _markRun = 0;
            return;
        }

        switch (_state)
        {
            case State.Hunting:
                // One stray space sample in noise does not break a mark run; two do.
                _spaceRun = decision > 0 ? 0 : _spaceRun + 1;
                _markRun = _spaceRun >= 2 ? 0 : _markRun + 1;
                if (_markRun >= _markSamplesBeforeMessage)
                {
                    _state = State.AwaitingStartBit;
                    _messageLength = 0;
                    _spaceRun = 0;
                }

                break;
            case State.AwaitingStartBit:
                _spaceRun = decision > 0 ? 0 : _spaceRun + 1;
                if (_spaceRun == 2)
                {
                    // The detector's decision turns about half its window after the edge; with that delay the middle of
                    // bit k is sampled (k + 0.5) bits after the first space decision.
                    var firstSpace = _sampleIndex - 1;
                    _nextBitAt = firstSpace + (0.5 * SamplesPerBit);
                    _bitIndex = 0;
                    _byteValue = 0;
                    _state = State.InByte;
                }

                break;
            case State.InByte:
                // Sample one step late so that the decisions either side of the bit's middle can be averaged.
                var middle = (long)Math.Round(_nextBitAt);
                if (_sampleIndex == middle + 1)
                {
                    OnBit(DecisionAround(middle) > 0);
                }

                break;
        }
    }

    private float DecisionAround(long middle) =>
        _recentDecisions[(int)((middle - 1) & 3)] + _recentDecisions[(int)(middle & 3)] + _recentDecisions[(int)((middle + 1) & 3)];

    private void OnBit(bool mark)
    {
        _nextBitAt += SamplesPerBit;
        switch (_bitIndex++)
        {
            case 0 when mark:
                _state = State.AwaitingStartBit; // a glitch, not a start bit
                _spaceRun = 0;
                break;
            case 0:
                break;
            case <= 8:
                _byteValue |= (mark ? 1 : 0) << (_bitIndex - 2);
                if (_bitIndex == 9)
                {
                    OnByte((byte)_byteValue);
                }

                break;
            default:
                // Stop bit: a space here means we lost the framing; the message cannot be trusted.
                _state = mark ? State.AwaitingStartBit : State.Hunting;
                _spaceRun = 0;
                _markRun = 0;
                break;
        }
    }

    private void OnByte(byte value)
    {
        _message[_messageLength++] = value;
        if (_messageLength < 2 || _messageLength < _message[1] + 3)
        {
            return;
        }

        // Complete: no need to wait for the last stop bit (the burst may end right after it).
        _state = State.Hunting;
        _markRun = 0;
        var message = _message.AsSpan(0, _messageLength);
        if (!CallerIdParser.ChecksumIsValid(message))
        {
            ChecksumFailures++;
            return;
        }

        _completed ??= CallerIdParser.Parse(message[0], message[2..^1]);
    }
}
