using System.ComponentModel.DataAnnotations;

namespace Appliance.Core.Recording;

/// <summary>Retention and disk limits of call recordings. Section "Recordings".</summary>
public sealed class RecordingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Recordings";

    /// <summary>Days a recording is kept when its queue sets no retentionDays (banks often keep 5 years).</summary>
    [Range(1, 36_500)]
    public int DefaultRetentionDays { get; set; } = 1_825;

    /// <summary>Minutes between purges of expired recordings.</summary>
    [Range(1, 1_440)]
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>Recordings deleted per transaction; small batches keep each write short for the call journal beside it.</summary>
    [Range(1, 10_000)]
    public int PurgeBatchSize { get; set; } = 200;

    /// <summary>Free space (MB) under which recording is suspended, so the disk never fills up under the database.</summary>
    [Range(0, 1_000_000)]
    public int MinFreeMegabytes { get; set; } = 512;

    /// <summary>Free space above the floor (MB) needed before recording resumes, so it does not flap around the floor.</summary>
    [Range(0, 1_000_000)]
    public int ResumeMarginMegabytes { get; set; } = 128;

    /// <summary>Seconds between checks of the recordings disk's free space.</summary>
    [Range(1, 3_600)]
    public int FreeSpaceCheckSeconds { get; set; } = 10;
}
