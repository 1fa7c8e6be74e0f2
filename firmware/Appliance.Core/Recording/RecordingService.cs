using Appliance.Core.Routing;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Recording;

/// <summary>Starts call recordings in dated folders under the configured recordings directory.</summary>
public sealed class RecordingService(IOptions<CallCenterOptions> options, CallCenterPaths paths, TimeProvider time)
{
    private readonly string _root = CallCenterPaths.Resolve(paths.DataDirectory, options.Value.RecordingsDirectory);

    /// <summary>The folder recordings go under.</summary>
    public string Root => _root;

    /// <summary>Opens a recorder for <paramref name="call"/>'s bridged conversation.</summary>
    public CallRecorder Start(CallSession call)
    {
        var now = time.GetUtcNow();
        var folder = Path.Combine(_root, now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), now.ToString("dd", System.Globalization.CultureInfo.InvariantCulture));
        return new CallRecorder(call.CallId, Path.Combine(folder, call.CallId + ".wav"), time);
    }
}
