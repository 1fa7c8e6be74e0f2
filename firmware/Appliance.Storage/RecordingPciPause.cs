namespace Appliance.Storage;

/// <summary>
/// A stretch of a recording that is silence because the caller was keying sensitive digits (a PCI pause), in
/// milliseconds from the recording's first sample.
/// </summary>
/// <param name="StartMilliseconds">Where the silence begins.</param>
/// <param name="EndMilliseconds">Where the caller's audio comes back (the recording's end if the call ended paused).</param>
public sealed record RecordingPciPause(long StartMilliseconds, long EndMilliseconds);
