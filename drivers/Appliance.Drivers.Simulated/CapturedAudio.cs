namespace Appliance.Drivers.Simulated;

/// <summary>
/// Audio the far end heard from the box, appended frame by frame while others read it. Grows in
/// one-second chunks (no copying of what is already kept) up to a limit; beyond it, audio is not kept.
/// </summary>
public sealed class CapturedAudio
{
    private const int ChunkSamples = 8000;
    private readonly List<short[]> _chunks = [];
    private readonly object _gate = new();
    private int _count;

    /// <summary>Keeps at most <paramref name="limitSamples"/> samples.</summary>
    public CapturedAudio(int limitSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitSamples);
        LimitSamples = limitSamples;
    }

    /// <summary>The most samples kept.</summary>
    public int LimitSamples { get; }

    /// <summary>How many samples are kept.</summary>
    public int SampleCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>How long the kept audio lasts at 8 kHz.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(SampleCount / 8000.0);

    /// <summary>Whether audio arrived after the limit was reached and was thrown away.</summary>
    public bool Truncated { get; private set; }

    /// <summary>A copy of everything kept.</summary>
    public short[] ToArray()
    {
        lock (_gate)
        {
            var result = new short[_count];
            CopyLocked(0, result);
            return result;
        }
    }

    /// <summary>Copies kept samples from <paramref name="sourceOffset"/> into <paramref name="destination"/>; returns how many were copied.</summary>
    public int CopyTo(int sourceOffset, Span<short> destination)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sourceOffset);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceOffset, _count);
            var count = Math.Min(destination.Length, _count - sourceOffset);
            CopyLocked(sourceOffset, destination[..count]);
            return count;
        }
    }

    internal void Append(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            var room = LimitSamples - _count;
            if (samples.Length > room)
            {
                Truncated = true;
                samples = samples[..room];
            }

            while (!samples.IsEmpty)
            {
                var offsetInChunk = _count % ChunkSamples;
                if (offsetInChunk == 0 && _count / ChunkSamples == _chunks.Count)
                {
                    _chunks.Add(new short[ChunkSamples]);
                }

                var count = Math.Min(samples.Length, ChunkSamples - offsetInChunk);
                samples[..count].CopyTo(_chunks[_count / ChunkSamples].AsSpan(offsetInChunk));
                _count += count;
                samples = samples[count..];
            }
        }
    }

    private void CopyLocked(int sourceOffset, Span<short> destination)
    {
        var position = sourceOffset;
        while (!destination.IsEmpty)
        {
            var offsetInChunk = position % ChunkSamples;
            var count = Math.Min(destination.Length, ChunkSamples - offsetInChunk);
            _chunks[position / ChunkSamples].AsSpan(offsetInChunk, count).CopyTo(destination);
            destination = destination[count..];
            position += count;
        }
    }
}
