using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// A fixed ring of 20 ms frames between one producer and one consumer on different threads.
/// Full means the reader fell more than the capacity behind; the oldest frame then goes, because
/// on a phone line late audio is worth less than current audio.
/// </summary>
internal sealed class FrameRing
{
    private readonly short[] _samples;
    private readonly int _capacityFrames;
    private readonly object _gate = new();
    private int _head;
    private int _count;
    private long _droppedFrames;

    public FrameRing(int capacityFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityFrames);
        _capacityFrames = capacityFrames;
        _samples = new short[capacityFrames * LineAudio.FrameSamples];
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Frames thrown away because the ring was full.</summary>
    public long DroppedFrames => Interlocked.Read(ref _droppedFrames);

    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_count == _capacityFrames)
            {
                _head = (_head + 1) % _capacityFrames;
                _count--;
                Interlocked.Increment(ref _droppedFrames);
            }

            var tail = (_head + _count) % _capacityFrames;
            frame.CopyTo(_samples.AsSpan(tail * LineAudio.FrameSamples, LineAudio.FrameSamples));
            _count++;
        }
    }

    public bool TryRead(Span<short> frame)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return false;
            }

            _samples.AsSpan(_head * LineAudio.FrameSamples, LineAudio.FrameSamples).CopyTo(frame);
            _head = (_head + 1) % _capacityFrames;
            _count--;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _head = 0;
            _count = 0;
        }
    }
}
