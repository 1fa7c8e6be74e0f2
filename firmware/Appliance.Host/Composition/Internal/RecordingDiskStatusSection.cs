using Appliance.Core.Recording;
using Appliance.Host.Control;

namespace Appliance.Host.Composition.Internal;

/// <summary>"recordingDisk" in <c>appliance status</c>: free space, the floor, and the alarm while recording is suspended.</summary>
internal sealed class RecordingDiskStatusSection(RecordingDiskGuard guard) : IStatusSection
{
    public string Name => "recordingDisk";

    public object GetStatus()
    {
        var status = guard.Status;
        return new
        {
            alarm = status.Suspended ? "RECORDING_SUSPENDED" : null,
            status.Suspended,
            status.Reason,
            status.Since,
            status.FreeMegabytes,
            status.FloorMegabytes,
            status.CheckedAt,
        };
    }
}
