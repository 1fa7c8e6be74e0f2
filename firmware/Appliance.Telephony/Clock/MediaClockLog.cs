using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Clock;

internal static partial class MediaClockLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Media clock started: {FrameMilliseconds} ms ticks")]
    public static partial void Started(ILogger logger, int frameMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Media handler failed on tick {Tick}; it stays registered")]
    public static partial void HandlerFailed(ILogger logger, long tick, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Work posted to the media loop failed")]
    public static partial void PostedWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "A flow on the media loop ({Flow}) failed")]
    public static partial void FlowFailed(ILogger logger, string flow, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Media clock fell {Behind} ticks behind; catching up")]
    public static partial void FellBehind(ILogger logger, long behind);
}
