using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Sync;

/// <summary>Log messages of the sync service.</summary>
internal static partial class SyncServiceLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "Batch {BatchId} from branch {BranchId}: {Records} records, {Applied} newly applied, {Rejected} rejected")]
    public static partial void BatchApplied(ILogger logger, string batchId, string branchId, int records, int applied, int rejected);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Batch {BatchId} from branch {BranchId} refused: {Reason}")]
    public static partial void BatchRefused(ILogger logger, string batchId, string branchId, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Batch {BatchId} from branch {BranchId} hit a transient database conflict ({SqlState}); attempt {Attempt} of {MaxAttempts}")]
    public static partial void TransientConflict(ILogger logger, string batchId, string branchId, string sqlState, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Batch {BatchId} from branch {BranchId} failed in the database")]
    public static partial void DatabaseFailed(ILogger logger, Exception exception, string batchId, string branchId);
}
