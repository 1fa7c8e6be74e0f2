using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Outbox.Internal;

/// <summary>Log messages of the outbox pump (event ids 6100-6199).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(6100, LogLevel.Information, "Outbox pump started for branch {BranchId} towards {HeadOffice}; {Pending} records pending")]
    public static partial void Started(ILogger logger, string branchId, string headOffice, int pending);

    [LoggerMessage(6101, LogLevel.Information, "Outbox pump disabled: Sync:Outbox:HeadOfficeAddress is not set; records stay queued")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(6102, LogLevel.Debug, "Pushed batch {BatchId} of {Count} records: {Acknowledged} acknowledged, {Rejected} rejected")]
    public static partial void Delivered(ILogger logger, string batchId, int count, int acknowledged, int rejected);

    [LoggerMessage(6103, LogLevel.Warning, "Push of batch {BatchId} ({Count} records) failed ({Failures} in a row), retrying in {DelaySeconds:F1} s: {Reason}")]
    public static partial void PushFailed(ILogger logger, string batchId, int count, int failures, double delaySeconds, string reason);

    [LoggerMessage(6104, LogLevel.Error, "Head office rejected record {IdempotencyKey} for good: {Reason}; it is kept aside and not retried")]
    public static partial void Rejected(ILogger logger, string idempotencyKey, string reason);

    [LoggerMessage(6105, LogLevel.Error, "Outbox storage failed, retrying in {DelaySeconds:F1} s")]
    public static partial void StorageFailed(ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(6106, LogLevel.Information, "Head office is reachable again after {Failures} failed pushes")]
    public static partial void Recovered(ILogger logger, int failures);
}
