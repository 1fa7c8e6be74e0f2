using Microsoft.Extensions.Logging;

namespace Appliance.Core.Routing;

internal static partial class CallCenterLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Call {CallId} from {CallerNumber} on {ChannelId}")]
    public static partial void CallStarted(ILogger logger, string callId, string? callerNumber, string channelId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Call {CallId} ended: {Outcome}, waited {WaitSeconds} s, talked {TalkSeconds} s")]
    public static partial void CallEnded(ILogger logger, string callId, string outcome, double waitSeconds, double talkSeconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Call {CallId} failed")]
    public static partial void CallFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Call {CallId}: menu {Menu} is not configured")]
    public static partial void MenuMissing(ILogger logger, string callId, string menu);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Call {CallId}: its record could not be stored")]
    public static partial void RecordFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Call {CallId} enters at entry point {EntryPoint} (dialled {Dialled}, trunk {Trunk}, line {Line}): menu {Menu}")]
    public static partial void Entered(ILogger logger, string callId, string entryPoint, string? dialled, string? trunk, int? line, string menu);
}
