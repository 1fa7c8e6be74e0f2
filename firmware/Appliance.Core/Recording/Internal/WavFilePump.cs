using System.Buffers;
using System.Threading.Channels;
using Appliance.Core.Journal;
using Appliance.Telephony.Media;

namespace Appliance.Core.Recording.Internal;

/// <summary>
/// The file side of a recorder: the media loop posts pooled buffers of interleaved 8 kHz samples, a background task writes
/// them (with the periodic header flush that keeps the file valid after a power cut) and returns the buffers, so a slow
/// disk never stalls the audio of other calls.
/// </summary>
internal sealed class WavFilePump
{
    public const int SampleRate = 8000;

    private readonly Channel<(short[] Buffer, int Length)> _buffers =
        Channel.CreateUnbounded<(short[], int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly string _path;
    private readonly int _channels;
    private readonly Action<string, IOException>? _writeFailed;
    private readonly Task _written;
    private long _framesWritten; // by the writing task only; read after it ended

    /// <summary>
    /// Creates (or replaces) the file, in a folder made if missing. A write that fails later (the disk is full) is told
    /// to <paramref name="writeFailed"/>; the file keeps what was written before and the rest of the audio is dropped.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public WavFilePump(string path, int channels, Action<string, IOException>? writeFailed = null)
    {
        _path = path;
        _channels = channels;
        _writeFailed = writeFailed;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var writer = WavWriter.Create(path, SampleRate, channels);
        _written = Task.Run(() => WriteAsync(writer));
    }

    /// <summary>A buffer of at least <paramref name="length"/> samples, from the pool, for <see cref="Post"/>.</summary>
    public static short[] Rent(int length) => ArrayPool<short>.Shared.Rent(length);

    /// <summary>Queues <paramref name="length"/> interleaved samples of <paramref name="buffer"/>; the pump returns the buffer to the pool.</summary>
    public void Post(short[] buffer, int length)
    {
        if (!_buffers.Writer.TryWrite((buffer, length)))
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }

    /// <summary>No more audio: the file is closed once the queued buffers are written.</summary>
    public void Complete() => _buffers.Writer.TryComplete();

    /// <summary>Completes with the recording's details once the file is closed after <see cref="Complete"/>.</summary>
    public async Task<RecordingInfo> ClosedAsync(string callId, DateTimeOffset startedAt)
    {
        await _written.ConfigureAwait(false);
        var bytes = new FileInfo(_path).Length;
        var id = Path.GetFileNameWithoutExtension(_path);
        var duration = TimeSpan.FromSeconds(_framesWritten / (double)SampleRate); // what is in the file, also when a write failed
        return new RecordingInfo(id, callId, _path, startedAt, duration, _channels, SampleRate, bytes);
    }

    private async Task WriteAsync(WavWriter writer)
    {
        IOException? failure = null;
        await foreach (var (buffer, length) in _buffers.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (failure is null)
                {
                    writer.Write(buffer.AsSpan(0, length));
                    _framesWritten += length / _channels;
                }
            }
            catch (IOException ex)
            {
                failure = ex; // told once; the rest is dropped so the media loop's buffers still come back to the pool
                _writeFailed?.Invoke(_path, ex);
            }
            finally
            {
                ArrayPool<short>.Shared.Return(buffer);
            }
        }

        try
        {
            writer.Dispose(); // writes the final header
        }
        catch (IOException ex) when (failure is null)
        {
            _writeFailed?.Invoke(_path, ex);
        }
        catch (IOException)
        {
            // Already told: the disk is full, and the header flushed before it keeps the file readable.
        }
    }
}
