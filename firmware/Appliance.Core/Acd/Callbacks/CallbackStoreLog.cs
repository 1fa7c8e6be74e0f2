using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd.Callbacks;

/// <summary>Log messages of the callback store (event ids 960–969).</summary>
internal static partial class CallbackStoreLog
{
    [LoggerMessage(EventId = 960, Level = LogLevel.Warning, Message = "Storing callback {CallbackId} failed (attempt {Attempt}); retrying")]
    public static partial void WriteFailed(ILogger logger, string callbackId, int attempt, Exception exception);

    [LoggerMessage(EventId = 961, Level = LogLevel.Error, Message = "Storing callback {CallbackId} failed for good; a restart may dial it again or lose its last change")]
    public static partial void Dropped(ILogger logger, string callbackId);

    [LoggerMessage(EventId = 962, Level = LogLevel.Warning, Message = "The callback store was still writing 10 s after it was asked to stop")]
    public static partial void WriterStillBusy(ILogger logger);
}
