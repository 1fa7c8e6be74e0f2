using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd.Internal;

/// <summary>Log messages of callbacks and their store (event ids 950–959). Numbers to call back are never logged.</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(EventId = 950, Level = LogLevel.Information, Message = "Callback {CallbackId} for call {OriginCallId} waits in queue {Queue}")]
    public static partial void Requested(ILogger logger, string callbackId, string originCallId, string queue);

    [LoggerMessage(EventId = 951, Level = LogLevel.Information, Message = "Callback {CallbackId} attempt {Attempt} with agent {Agent}: {Outcome}")]
    public static partial void Attempted(ILogger logger, string callbackId, int attempt, string agent, string outcome);

    [LoggerMessage(EventId = 952, Level = LogLevel.Warning, Message = "Callback {CallbackId} failed after {Attempts} attempts")]
    public static partial void Failed(ILogger logger, string callbackId, int attempts);

    [LoggerMessage(EventId = 953, Level = LogLevel.Error, Message = "The call record of callback {CallbackId} could not be stored")]
    public static partial void RecordFailed(ILogger logger, string callbackId, Exception exception);

    [LoggerMessage(EventId = 954, Level = LogLevel.Information, Message = "Restored {Count} pending callbacks into their queues")]
    public static partial void Restored(ILogger logger, int count);

    [LoggerMessage(EventId = 955, Level = LogLevel.Warning, Message = "Callback {CallbackId} waits for queue {Queue}, which no longer offers callbacks; closed")]
    public static partial void QueueGone(ILogger logger, string callbackId, string queue);

    [LoggerMessage(EventId = 956, Level = LogLevel.Warning, Message = "Storing callback {CallbackId} failed (attempt {Attempt}); retrying")]
    public static partial void WriteFailed(ILogger logger, string callbackId, int attempt, Exception exception);

    [LoggerMessage(EventId = 957, Level = LogLevel.Error, Message = "Storing callback {CallbackId} failed for good; a restart may dial it again or lose its last change")]
    public static partial void Dropped(ILogger logger, string callbackId);

    [LoggerMessage(EventId = 958, Level = LogLevel.Warning, Message = "The callback store was still writing 10 s after it was asked to stop")]
    public static partial void WriterStillBusy(ILogger logger);
}
