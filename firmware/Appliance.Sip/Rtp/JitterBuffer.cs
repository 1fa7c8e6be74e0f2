using Microsoft.Extensions.Options;

namespace Appliance.Sip.Rtp;

/// <summary>
/// An adaptive jitter buffer for one RTP stream. Packets are put back in sequence order, duplicates and late packets are
/// dropped, and the playout depth follows the RFC 3550 A.8 jitter estimate between a minimum and a maximum. Sequence
/// numbers are extended to 64 bits so 16-bit wrap is invisible. A new SSRC replaces the old one after two consecutive
/// packets (one stray packet cannot reset the stream). All storage is allocated up front: no per-packet allocation.
/// </summary>
public sealed class JitterBuffer
{
    private const int MaxDropout = 3_000;

    private readonly JitterBufferOptions _options;
    private readonly byte[][] _payloads;
    private readonly int[] _lengths;
    private readonly long[] _sequences;
    private readonly RtpHeader[] _headers;
    private readonly InterarrivalJitter _jitter = new();
    private bool _hasSource;
    private uint _ssrc;
    private uint _candidateSsrc;
    private ushort _candidateSequence;
    private bool _hasCandidate;
    private long _highest;
    private long _nextToPlay;
    private bool _playing;
    private int _count;
    private ushort? _jumpSequence;

    public JitterBuffer(IOptions<JitterBufferOptions> options)
    {
        _options = options.Value;
        _payloads = new byte[_options.Capacity][];
        for (var i = 0; i < _payloads.Length; i++)
        {
            _payloads[i] = new byte[_options.MaxPayloadSize];
        }

        _lengths = new int[_options.Capacity];
        _sequences = new long[_options.Capacity];
        _headers = new RtpHeader[_options.Capacity];
        Array.Fill(_sequences, -1);
    }

    public JitterBuffer()
        : this(Options.Create(new JitterBufferOptions()))
    {
    }

    /// <summary>Packets held now.</summary>
    public int Count => _count;

    /// <summary>The frames of delay the buffer aims for, from the measured jitter.</summary>
    public int TargetDepthFrames
    {
        get
        {
            var frames = (int)Math.Ceiling(2 * _jitter.Jitter / _options.FrameDuration) + 1;
            return Math.Clamp(frames, _options.MinDepthFrames, Math.Max(_options.MinDepthFrames, _options.MaxDepthFrames));
        }
    }

    /// <summary>The RFC 3550 A.8 interarrival jitter in RTP units.</summary>
    public double Jitter => _jitter.Jitter;

    public uint Ssrc => _ssrc;

    public int SsrcChanges { get; private set; }

    public long Discarded { get; private set; }

    /// <summary>Takes one received datagram; <paramref name="arrivalInClockUnits"/> is the arrival time on the RTP clock.</summary>
    public JitterPushResult Push(ReadOnlySpan<byte> packet, long arrivalInClockUnits)
    {
        if (RtpPacket.TryParse(packet, out var header, out var offset, out var length) != RtpParseStatus.Ok || length > _options.MaxPayloadSize)
        {
            return JitterPushResult.Malformed;
        }

        if (!AcceptSource(header))
        {
            return JitterPushResult.ForeignSource;
        }

        var sequence = RtpSerialArithmetic.Extend(header.SequenceNumber, _highest);
        if (Math.Abs(sequence - _highest) > MaxDropout)
        {
            // A sender restart without a new SSRC: believe it after two packets in a row (RFC 3550 A.1's bad_seq).
            if (_jumpSequence is not { } expected || header.SequenceNumber != expected)
            {
                _jumpSequence = (ushort)(header.SequenceNumber + 1);
                return JitterPushResult.Overflow;
            }

            Restart(header.SequenceNumber);
            sequence = _highest;
        }

        _jumpSequence = null;
        if (_playing && sequence < _nextToPlay)
        {
            return JitterPushResult.Late;
        }

        if (_playing ? sequence >= _nextToPlay + _options.Capacity : sequence <= _highest - _options.Capacity)
        {
            return JitterPushResult.Overflow;
        }

        var slot = Slot(sequence);
        if (_sequences[slot] == sequence)
        {
            return JitterPushResult.Duplicate;
        }

        if (_sequences[slot] >= 0)
        {
            // Only reachable while buffering: the window moved on, the old occupant is too old to ever play.
            _count--;
            Discarded++;
        }

        packet.Slice(offset, length).CopyTo(_payloads[slot]);
        _lengths[slot] = length;
        _sequences[slot] = sequence;
        _headers[slot] = header;
        _count++;
        _highest = Math.Max(_highest, sequence);
        _jitter.Update(header.Timestamp, arrivalInClockUnits);
        return JitterPushResult.Accepted;
    }

    /// <summary>Called once per frame tick: copies the next frame's payload into <paramref name="payload"/>.</summary>
    public JitterPopResult Pop(Span<byte> payload, out RtpHeader header, out int length)
    {
        header = default;
        length = 0;
        if (!_playing)
        {
            if (_count == 0 || _count < TargetDepthFrames)
            {
                return JitterPopResult.Buffering;
            }

            _playing = true;
            _nextToPlay = Oldest();
        }

        if (_count == 0)
        {
            // Underrun: refill to the (possibly larger) target before playing again.
            _playing = false;
            return JitterPopResult.Buffering;
        }

        // Running deeper than the target adds delay for nothing: skip the oldest frame to catch up.
        if (_count > TargetDepthFrames + 2 && TryFree(_nextToPlay))
        {
            Discarded++;
            _nextToPlay++;
        }

        var slot = Slot(_nextToPlay);
        var due = _nextToPlay++;
        if (_sequences[slot] != due)
        {
            return JitterPopResult.Missing;
        }

        header = _headers[slot];
        length = _lengths[slot];
        _payloads[slot].AsSpan(0, length).CopyTo(payload);
        TryFree(due);
        return JitterPopResult.Frame;
    }

    private bool AcceptSource(in RtpHeader header)
    {
        if (!_hasSource)
        {
            _hasSource = true;
            _ssrc = header.Ssrc;
            Restart(header.SequenceNumber);
            return true;
        }

        if (header.Ssrc == _ssrc)
        {
            _hasCandidate = false;
            return true;
        }

        if (_hasCandidate && header.Ssrc == _candidateSsrc && header.SequenceNumber == (ushort)(_candidateSequence + 1))
        {
            _ssrc = header.Ssrc;
            _hasCandidate = false;
            SsrcChanges++;
            Restart(header.SequenceNumber);
            return true;
        }

        _hasCandidate = true;
        _candidateSsrc = header.Ssrc;
        _candidateSequence = header.SequenceNumber;
        return false;
    }

    private void Restart(ushort sequence)
    {
        Array.Fill(_sequences, -1);
        _count = 0;
        _playing = false;

        // Start high in 64-bit space (a multiple of 2^16 plus the sequence) so packets from just before it never go negative.
        _highest = (1L << 32) + sequence;
        _jitter.Reset();
    }

    private bool TryFree(long sequence)
    {
        var slot = Slot(sequence);
        if (_sequences[slot] != sequence)
        {
            return false;
        }

        _sequences[slot] = -1;
        _count--;
        return true;
    }

    private long Oldest()
    {
        var oldest = long.MaxValue;
        foreach (var sequence in _sequences)
        {
            if (sequence >= 0 && sequence < oldest)
            {
                oldest = sequence;
            }
        }

        return oldest;
    }

    private int Slot(long sequence) => (int)(sequence % _options.Capacity);
}
