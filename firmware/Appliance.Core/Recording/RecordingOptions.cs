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
}
