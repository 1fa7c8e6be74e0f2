using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV: the caller on the left channel, the agent on the right, so quality staff
/// can hear each side apart. The media loop only interleaves each tick into a pooled buffer; a background task does the
/// file I/O (including the periodic header flush that keeps the file valid after a power cut), so a slow disk never
/// stalls the audio of other calls. While recording is suspended (the recordings disk is full) a call gets a recorder
/// that takes no audio and writes no file, and a running recorder can be cut short.
/// </summary>
public sealed class CallRecorder : IBridgeTap
{
    private readonly WavFilePump? _pump;
    private readonly Task<RecordingInfo?> _completion;
    private volatile bool _closed;

    internal CallRecorder(string callId, string path, TimeProvider time, Action<string, IOException>? writeFailed = null)
    {
        CallId = callId;
        Path = path;
        StartedAt = time.GetUtcNow();
        _pump = new WavFilePump(path, 2, writeFailed);
        _completion = CloseAsync(_pump);
    }

    private CallRecorder(string callId, TimeProvider time)
    {
        CallId = callId;
        Path = string.Empty;
        StartedAt = time.GetUtcNow();
        _closed = true;
        _completion = Task.FromResult<RecordingInfo?>(null);
    }

    /// <summary>The recorded call.</summary>
    public string CallId { get; }

    /// <summary>The WAV file; empty when the call is not recorded.</summary>
    public string Path { get; }

    /// <summary>When recording began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Whether this call is recorded at all (false when it started while recording was suspended).</summary>
    public bool IsRecording => _pump is not null;

    /// <summary>Whether recording was suspended while the call ran: the file holds the call up to then.</summary>
    public bool WasCutShort { get; private set; }

    /// <summary>Whether the recorder has stopped taking audio.</summary>
    public bool IsClosed => _closed;

    /// <summary>Completes with the recording's details once the file is closed after <see cref="Dispose"/>; null when not recorded.</summary>
    public Task<RecordingInfo?> Completion => _completion;

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

        _pump!.Post(buffer, length);
    }

    /// <summary>Stops taking audio; the file is closed in the background (see <see cref="Completion"/>).</summary>
    public void Dispose()
    {
        _closed = true;
        _pump?.Complete();
    }

    /// <summary>A recorder for a call that is not recorded.</summary>
    internal static CallRecorder NotRecording(string callId, TimeProvider time) => new(callId, time);

    /// <summary>Recording was suspended: stops taking audio from any thread; the media loop's next frame is dropped.</summary>
    internal void CutShort()
    {
        if (!_closed)
        {
            WasCutShort = true;
            Dispose();
        }
    }

    private async Task<RecordingInfo?> CloseAsync(WavFilePump pump) =>
        await pump.ClosedAsync(CallId, StartedAt).ConfigureAwait(false);
}
