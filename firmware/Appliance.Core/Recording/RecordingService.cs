using Appliance.Core.Routing;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Recording;

/// <summary>Starts call recordings in dated folders under the configured recordings directory.</summary>
public sealed class RecordingService(IOptions<CallCenterOptions> options, CallCenterPaths paths, TimeProvider time)
{
    private readonly string _root = CallCenterPaths.Resolve(paths.DataDirectory, options.Value.RecordingsDirectory);
    private readonly List<CallRecorder> _recorders = [];

    /// <summary>The folder recordings go under.</summary>
    public string Root => _root;

    /// <summary>Opens a recorder for <paramref name="call"/>'s bridged conversation.</summary>
    public CallRecorder Start(CallSession call)
    {
        var now = time.GetUtcNow();
        var folder = Path.Combine(_root, now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), now.ToString("dd", System.Globalization.CultureInfo.InvariantCulture));
        var recorder = new CallRecorder(call.CallId, Path.Combine(folder, call.CallId + ".wav"), time);
        lock (_recorders)
        {
            _recorders.RemoveAll(r => r.Completion.IsCompleted);
            _recorders.Add(recorder);
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
            return Task.WhenAll(_recorders.Where(r => r.IsClosed).Select(r => r.Completion));
        }
    }
}
