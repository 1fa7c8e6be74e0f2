using Microsoft.Extensions.Logging;

namespace Appliance.Core.Recording.Internal;

internal static partial class RecordingComplianceLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Purged {Count} expired recordings (retention {DefaultDays} days unless the queue sets its own)")]
    public static partial void Purged(ILogger logger, int count, int defaultDays);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Recording {RecordingId} of call {CallId} deleted by retention: {Path}")]
    public static partial void Deleted(ILogger logger, string recordingId, string? callId, string path);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Recording file {Path} was purged from the database but could not be deleted: {Reason}")]
    public static partial void FileNotDeleted(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "The recording purge failed; it runs again in {IntervalMinutes} minutes")]
    public static partial void PurgeFailed(ILogger logger, Exception exception, int intervalMinutes);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Recording {Path} could not be hashed for the hash chain: {Reason}")]
    public static partial void NotHashed(ILogger logger, string path, string reason);
}
