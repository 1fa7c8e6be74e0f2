using System.Buffers.Binary;
using Appliance.Telephony.Media.Internal;

namespace Appliance.Telephony.Media;

/// <summary>
/// Streams 16-bit PCM audio into a WAV file. The RIFF and data sizes in the header are brought up to date on
/// <see cref="Dispose"/> and also every few seconds of audio (after flushing the audio to disk), so that a power cut
/// leaves a valid file holding all but the last few seconds. Writes do not allocate; every few seconds one of them waits
/// for the disk (fsync), so a caller on a latency-critical thread may prefer to hand frames to a background writer.
/// Not thread-safe: one writer per recording.
/// </summary>
public sealed class WavWriter : IDisposable
{
    /// <summary>How much audio is written between header updates unless told otherwise.</summary>
    public static readonly TimeSpan DefaultHeaderUpdateInterval = TimeSpan.FromSeconds(5);

    private const int BufferBytes = 8192;

    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private readonly byte[] _header = new byte[WavFormat.HeaderLength];
    private readonly long _headerUpdateBytes;
    private long _dataBytes;
    private long _dataBytesAtLastUpdate;
    private bool _disposed;

    private WavWriter(FileStream stream, int sampleRate, int channels, TimeSpan headerUpdateInterval)
    {
        _stream = stream;
        SampleRate = sampleRate;
        Channels = channels;
        _headerUpdateBytes = Math.Max(2L * channels, (long)(headerUpdateInterval.TotalSeconds * sampleRate) * 2 * channels);
        UpdateHeader();
    }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>Number of interleaved channels.</summary>
    public int Channels { get; }

    /// <summary>Samples per channel written so far.</summary>
    public long FramesWritten => _dataBytes / (2 * Channels);

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Sample rate or channel count out of range.</exception>
    public static WavWriter Create(string path, int sampleRate, int channels) =>
        Create(path, sampleRate, channels, DefaultHeaderUpdateInterval);

    /// <summary>Creates (or replaces) the file, updating the header every <paramref name="headerUpdateInterval"/> of audio.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Sample rate, channel count or interval out of range.</exception>
    public static WavWriter Create(string path, int sampleRate, int channels, TimeSpan headerUpdateInterval)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (sampleRate is < 1 or > WavFormat.MaximumSampleRate)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"Sample rate must be 1 to {WavFormat.MaximumSampleRate} Hz.");
        }

        if (channels is < 1 or > WavFormat.MaximumChannels)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"Channel count must be 1 to {WavFormat.MaximumChannels}.");
        }

        if (headerUpdateInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(headerUpdateInterval), headerUpdateInterval, "Header update interval must be positive.");
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 16 * 1024);
        return new WavWriter(stream, sampleRate, channels, headerUpdateInterval);
    }

    /// <summary>Appends interleaved samples (a whole number of frames).</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the channel count.</exception>
    public void Write(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples is not a whole number of {Channels}-channel frames.", nameof(interleaved));
        }

        EnsureRoom(interleaved.Length);
        while (!interleaved.IsEmpty)
        {
            var count = Math.Min(interleaved.Length, BufferBytes / 2);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(i * 2), interleaved[i]);
            }

            Append(count * 2);
            interleaved = interleaved[count..];
        }
    }

    /// <summary>Appends a left and a right channel of equal length to a two-channel file.</summary>
    /// <exception cref="InvalidOperationException">The file is not stereo.</exception>
    /// <exception cref="ArgumentException">The channels differ in length.</exception>
    public void WriteStereo(ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Channels != 2)
        {
            throw new InvalidOperationException($"WriteStereo needs a 2-channel file; this one has {Channels}.");
        }

        if (left.Length != right.Length)
        {
            throw new ArgumentException($"Left has {left.Length} samples but right has {right.Length}.", nameof(right));
        }

        EnsureRoom(left.Length * 2);
        while (!left.IsEmpty)
        {
            var count = Math.Min(left.Length, BufferBytes / 4);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(i * 4), left[i]);
                BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan((i * 4) + 2), right[i]);
            }

            Append(count * 4);
            left = left[count..];
            right = right[count..];
        }
    }

    /// <summary>Brings the header up to date and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            UpdateHeader(headerToDisk: true);
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void EnsureRoom(int samples)
    {
        if (_dataBytes + (2L * samples) > WavFormat.MaximumDataBytes)
        {
            throw new InvalidOperationException("The WAV file has reached its 4 GiB size limit; start a new file.");
        }
    }

    private void Append(int bytes)
    {
        _stream.Write(_buffer, 0, bytes);
        _dataBytes += bytes;
        if (_dataBytes - _dataBytesAtLastUpdate >= _headerUpdateBytes)
        {
            UpdateHeader();
        }
    }

    // Forces the audio so far to disk, then rewrites the sizes at the start of the file to cover it. In that order the
    // header on disk never claims more audio than the disk holds, whenever the power goes (the header itself reaches the
    // disk with the next update, or at the latest when the kernel writes it back).
    private void UpdateHeader(bool headerToDisk = false)
    {
        _stream.Flush(flushToDisk: true);
        WavFormat.WriteHeader(_header, SampleRate, Channels, _dataBytes);
        var end = WavFormat.HeaderLength + _dataBytes;
        _stream.Position = 0;
        _stream.Write(_header);
        _stream.Position = end;
        _stream.Flush(flushToDisk: headerToDisk);
        _dataBytesAtLastUpdate = _dataBytes;
    }
}
