using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Appliance.Storage;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV: the caller on the left channel, the agent on the right, so quality staff
/// can hear each side apart. The media loop only interleaves each tick into a pooled buffer; a background task does the
/// file I/O (including the periodic header flush that keeps the file valid after a power cut), so a slow disk never
/// stalls the audio of other calls. While the call's <see cref="MediaPrivacy"/> is paused both channels get silence,
/// whoever feeds the recorder, and the stretch is kept as a <see cref="RecordingPciPause"/> of the recording. While
/// recording is suspended (the recordings disk is full) a call gets a recorder that takes no audio and writes no file,
/// and a running recorder can be cut short.
/// </summary>
public sealed class CallRecorder : IBridgeTap
{
    private readonly WavFilePump? _pump;
    private readonly Task<RecordingInfo?> _completion;
    private readonly MediaPrivacy? _privacy;
    private readonly List<RecordingPciPause> _pauses = [];
    private RecordingPciPause[] _closedPauses = [];
    private long _samples;
    private long _pausedSince = -1;
    private volatile bool _closed;
    private volatile bool _cutShort;

    internal CallRecorder(string callId, string path, TimeProvider time, MediaPrivacy privacy,
        Action<string, IOException>? writeFailed = null)
    {
        CallId = callId;
        Path = path;
        StartedAt = time.GetUtcNow();
        _privacy = privacy;
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

        if (_cutShort)
        {
            Dispose(); // here, on the media loop, which alone touches the pause list
            return;
        }

        // The flag is read once per tick, so a pause starts and ends on a frame boundary and the marker matches the file.
        var paused = _privacy!.IsPaused;
        TrackPause(paused);
        var length = legA.Length * 2;
        var buffer = WavFilePump.Rent(length);
        if (paused)
        {
            Array.Clear(buffer, 0, length);
        }
        else
        {
            for (var i = 0; i < legA.Length; i++)
            {
                buffer[2 * i] = legA[i];
                buffer[(2 * i) + 1] = i < legB.Length ? legB[i] : (short)0;
            }
        }

        _samples += legA.Length;
        _pump!.Post(buffer, length);
    }

    /// <summary>Stops taking audio; the file is closed in the background (see <see cref="Completion"/>).</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        TrackPause(false); // a call that ends paused still gets its marker, up to the last sample
        Volatile.Write(ref _closedPauses, [.. _pauses]);
        _closed = true;
        _pump?.Complete();
    }

    /// <summary>A recorder for a call that is not recorded.</summary>
    internal static CallRecorder NotRecording(string callId, TimeProvider time) => new(callId, time);

    /// <summary>
    /// Recording was suspended: callable from any thread. The recorder closes at the media loop's next frame (or its
    /// <see cref="Dispose"/>), so the pause markers are only ever touched on the loop.
    /// </summary>
    internal void CutShort()
    {
        if (!_closed)
        {
            WasCutShort = true;
            _cutShort = true;
        }
    }

    private void TrackPause(bool paused)
    {
        if (paused && _pausedSince < 0)
        {
            _pausedSince = _samples;
        }
        else if (!paused && _pausedSince >= 0)
        {
            _pauses.Add(new RecordingPciPause(Milliseconds(_pausedSince), Milliseconds(_samples)));
            _pausedSince = -1;
        }
    }

    private static long Milliseconds(long samples) => samples * 1000 / WavFilePump.SampleRate;

    // The pump completes only after Dispose handed it the last buffer, so the pauses read here are final.
    private async Task<RecordingInfo?> CloseAsync(WavFilePump pump)
    {
        var info = await pump.ClosedAsync(CallId, StartedAt).ConfigureAwait(false);
        return info with { PciPauses = Volatile.Read(ref _closedPauses) };
    }
}
