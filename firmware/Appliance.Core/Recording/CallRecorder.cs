using System.Buffers;
using System.Threading.Channels;
using Appliance.Core.Journal;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Media;

namespace Appliance.Core.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV: the caller on the left channel, the agent on the right, so quality staff
/// can hear each side apart. The media loop only interleaves each tick into a pooled buffer; a background task does the
/// file I/O (including the periodic header flush that keeps the file valid after a power cut), so a slow disk never
/// stalls the audio of other calls.
/// </summary>
public sealed class CallRecorder : IBridgeTap
{
    private readonly Channel<(short[] Buffer, int Length)> _frames =
        Channel.CreateUnbounded<(short[], int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Task<RecordingInfo> _completion;
    private long _samples;
    private bool _closed;

    internal CallRecorder(string callId, string path, TimeProvider time)
    {
        CallId = callId;
        Path = path;
        StartedAt = time.GetUtcNow();
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var writer = WavWriter.Create(path, 8000, 2);
        _completion = Task.Run(() => WriteAsync(writer));
    }

    /// <summary>The recorded call.</summary>
    public string CallId { get; }

    /// <summary>The WAV file.</summary>
    public string Path { get; }

    /// <summary>When recording began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Whether the recorder has stopped taking audio.</summary>
    public bool IsClosed => _closed;

    /// <summary>Completes with the recording's details once the file is closed after <see cref="Dispose"/>.</summary>
    public Task<RecordingInfo> Completion => _completion;

    /// <inheritdoc />
    public void OnFrames(ReadOnlySpan<short> legA, ReadOnlySpan<short> legB)
    {
        if (_closed)
        {
            return;
        }

        var length = legA.Length * 2;
        var buffer = ArrayPool<short>.Shared.Rent(length);
        for (var i = 0; i < legA.Length; i++)
        {
            buffer[2 * i] = legA[i];
            buffer[(2 * i) + 1] = i < legB.Length ? legB[i] : (short)0;
        }

        _samples += legA.Length;
        _frames.Writer.TryWrite((buffer, length));
    }

    /// <summary>Stops taking audio; the file is closed in the background (see <see cref="Completion"/>).</summary>
    public void Dispose()
    {
        _closed = true;
        _frames.Writer.TryComplete();
    }

    private async Task<RecordingInfo> WriteAsync(WavWriter writer)
    {
        using (writer)
        {
            await foreach (var (buffer, length) in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                writer.Write(buffer.AsSpan(0, length));
                ArrayPool<short>.Shared.Return(buffer);
            }
        }

        var bytes = new FileInfo(Path).Length;
        var id = System.IO.Path.GetFileNameWithoutExtension(Path);
        return new RecordingInfo(id, CallId, Path, StartedAt, TimeSpan.FromSeconds(Volatile.Read(ref _samples) / 8000.0), 2, 8000, bytes);
    }
}
