using System.Globalization;
using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Appliance.Core.Routing;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Recording;

/// <summary>
/// Starts call recordings in dated folders under the configured recordings directory. Recording can be suspended (the
/// disk is full, see <see cref="RecordingDiskGuard"/>): calls then go on unrecorded until it is resumed.
/// </summary>
public sealed class RecordingService(IOptions<CallCenterOptions> options, CallCenterPaths paths, TimeProvider time)
{
    private readonly string _root = CallCenterPaths.Resolve(paths.DataDirectory, options.Value.RecordingsDirectory);
    private readonly List<CallRecorder> _recorders = [];
    private readonly List<SupervisionRecorder> _supervisions = [];
    private volatile bool _suspended;

    /// <summary>Raised (on the writing thread) when a recording file cannot be created or written, e.g. the disk is full.</summary>
    public event Action<string, IOException>? WriteFailed;

    /// <summary>The folder recordings go under.</summary>
    public string Root => _root;

    /// <summary>Whether recording is suspended: new calls are not recorded.</summary>
    public bool IsSuspended => _suspended;

    /// <summary>Opens a recorder for <paramref name="call"/>'s bridged conversation (one that records nothing while suspended).</summary>
    public CallRecorder Start(CallSession call)
    {
        if (_suspended)
        {
            return CallRecorder.NotRecording(call.CallId, time);
        }

        var path = Path.Combine(DatedFolder(), call.CallId + ".wav");
        CallRecorder recorder;
        try
        {
            recorder = new CallRecorder(call.CallId, path, time, call.Privacy, OnWriteFailed);
        }
        catch (IOException ex)
        {
            OnWriteFailed(path, ex); // the call goes on unrecorded
            return CallRecorder.NotRecording(call.CallId, time);
        }

        lock (_recorders)
        {
            _recorders.RemoveAll(r => r.Completion.IsCompleted);
            _recorders.Add(recorder);
        }

        return recorder;
    }

    /// <summary>
    /// Suspends recording: new calls are not recorded, and the running recordings stop taking audio (each file keeps the
    /// call up to now). Returns how many running recordings were cut short. Supervision recordings run on: a failed write
    /// there only drops their audio.
    /// </summary>
    public int Suspend()
    {
        _suspended = true;
        lock (_recorders)
        {
            var running = _recorders.Where(r => !r.IsClosed).ToList();
            running.ForEach(r => r.CutShort());
            return running.Count;
        }
    }

    /// <summary>Resumes recording for calls that connect from now on.</summary>
    public void Resume() => _suspended = false;

    /// <summary>
    /// Opens <paramref name="call"/>'s recorder at answer and feeds it the caller's audio until an agent's bridge takes
    /// it over (<see cref="CallSession.Recorder"/>): the self-service part is recorded, with its PCI pauses.
    /// </summary>
    internal CallRecorder StartAtAnswer(CallSession call, MediaClock clock)
    {
        var recorder = Start(call);
        call.Recorder = recorder;
        call.RecorderFeed = new CallerFeed(clock, call.Channel, recorder);
        return recorder;
    }

    /// <summary>
    /// Closes the recorder of a call that ended before (or after) its conversation left it open: stops the feed, waits for
    /// the file and puts the recording on the call. Does nothing if the call has no open recorder.
    /// </summary>
    internal static async Task<RecordingInfo?> CloseAsync(CallSession call)
    {
        if (call.Recording is not null || call.Recorder is not { } recorder)
        {
            return null;
        }

        call.RecorderFeed?.Dispose();
        call.RecorderFeed = null;
        recorder.Dispose();
        call.Recording = await recorder.Completion;
        return call.Recording;
    }

    /// <summary>
    /// Opens a recorder of what each party heard during supervision <paramref name="supervisionId"/> of
    /// <paramref name="call"/>, beside the call's recording ("CALLID.SUPERVISIONID.wav").
    /// </summary>
    public SupervisionRecorder StartSupervision(CallSession call, string supervisionId)
    {
        string folder;
        lock (_recorders)
        {
            var callRecording = _recorders.LastOrDefault(r => r.CallId == call.CallId && !r.IsClosed);
            folder = callRecording is null ? DatedFolder() : Path.GetDirectoryName(callRecording.Path)!;
        }

        var recorder = new SupervisionRecorder(call.CallId, supervisionId, Path.Combine(folder, $"{call.CallId}.{supervisionId}.wav"), time);
        lock (_recorders)
        {
            _supervisions.RemoveAll(r => r.Completion.IsCompleted);
            _supervisions.Add(recorder);
        }

        return recorder;
    }

    /// <summary>
    /// Completes when every recording that has stopped is also written and closed. Shutdown waits on it, and tests
    /// driving a manual clock wait on it instead of letting virtual time run ahead of the disk.
    /// </summary>
    public Task WhenClosedRecordingsWritten()
    {
        lock (_recorders)
        {
            IEnumerable<Task> closed =
                [.. _recorders.Where(r => r.IsClosed).Select(r => r.Completion), .. _supervisions.Where(r => r.IsClosed).Select(r => r.Completion)];
            return Task.WhenAll(closed);
        }
    }

    /// <summary>Tells <see cref="WriteFailed"/> that a recording file could not be created or written.</summary>
    internal void OnWriteFailed(string path, IOException error) => WriteFailed?.Invoke(path, error);

    private string DatedFolder()
    {
        var now = time.GetUtcNow();
        return Path.Combine(_root, now.ToString("yyyy", CultureInfo.InvariantCulture),
            now.ToString("MM", CultureInfo.InvariantCulture), now.ToString("dd", CultureInfo.InvariantCulture));
    }
}
