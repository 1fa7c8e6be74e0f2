namespace Appliance.HeadOffice.Sync;

/// <summary>Limits of the sync service, bound from <see cref="SectionName"/> and checked by <see cref="SyncIngestOptionsValidator"/>.</summary>
public sealed class SyncIngestOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string SectionName = "HeadOffice:Sync";

    /// <summary>Most records one batch may carry; a bigger batch is refused with INVALID_ARGUMENT and nothing applied.</summary>
    public int MaxRecordsPerBatch { get; set; } = 5000;

    /// <summary>How often a batch is tried when PostgreSQL aborts it for a deadlock or serialization conflict.</summary>
    public int MaxApplyAttempts { get; set; } = 3;
}
