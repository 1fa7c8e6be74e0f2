namespace Appliance.Core.Recording;

/// <summary>The recordings disk as last checked, for <c>appliance status</c>.</summary>
/// <param name="Suspended">Whether recording is suspended (the alarm).</param>
/// <param name="Reason">Why it is suspended, or null.</param>
/// <param name="Since">When it was suspended, or null.</param>
/// <param name="FreeMegabytes">Free space at the last check, or null before the first.</param>
/// <param name="FloorMegabytes">The configured floor.</param>
/// <param name="CheckedAt">When the free space was last read, or null.</param>
public sealed record RecordingDiskStatus(bool Suspended, string? Reason, DateTimeOffset? Since, long? FreeMegabytes, int FloorMegabytes, DateTimeOffset? CheckedAt);
