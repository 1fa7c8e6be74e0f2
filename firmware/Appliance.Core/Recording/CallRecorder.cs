using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV: the caller on the left channel, the agent on the right, so quality staff
/// can hear each side apart. The media loop only interleaves each tick into a pooled buffer; a background task does the
/// file I/O (including the periodic header flush that keeps the file valid after a power cut), so a slow disk never
/// stalls the audio of other calls.
/// </summary>
public sealed class CallRecorder : IBridgeTap
{
    private readonly WavFilePump _pump;
    private readonly Task<RecordingInfo> _completion;
    private long _samples;
    private bool _closed;

    internal CallRecorder(string callId, string path, TimeProvider time)
    {
        CallId = callId;
        Path = path;
        StartedAt = time.GetUtcNow();
        _pump = new WavFilePump(path, 2);
        _completion = _pump.ClosedAsync(callId, StartedAt, () => Volatile.Read(ref _samples));
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
        var buffer = WavFilePump.Rent(length);
        for (var i = 0; i < legA.Length; i++)
        {
            buffer[2 * i] = legA[i];
            buffer[(2 * i) + 1] = i < legB.Length ? legB[i] : (short)0;
        }

        _samples += legA.Length;
        _pump.Post(buffer, length);
    }

    /// <summary>Stops taking audio; the file is closed in the background (see <see cref="Completion"/>).</summary>
    public void Dispose()
    {
        _closed = true;
        _pump.Complete();
    }
}
