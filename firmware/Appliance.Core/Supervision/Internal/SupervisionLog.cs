using Microsoft.Extensions.Logging;

namespace Appliance.Core.Supervision.Internal;

internal static partial class SupervisionLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "Supervision {SupervisionId}: ringing supervisor {Supervisor} to {Mode} agent {Agent} on call {CallId}")]
    public static partial void Ringing(ILogger logger, string supervisionId, string supervisor, string mode, string agent, string callId);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Supervision {SupervisionId}: supervisor joined call {CallId} in {Mode}")]
    public static partial void Joined(ILogger logger, string supervisionId, string callId, string mode);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Supervision {SupervisionId}: mode {Mode} on call {CallId}")]
    public static partial void ModeChanged(ILogger logger, string supervisionId, string callId, string mode);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "Supervision {SupervisionId} of call {CallId} ended: {Reason}")]
    public static partial void Ended(ILogger logger, string supervisionId, string callId, string reason);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Information, Message = "Supervision {SupervisionId}: supervisor never joined call {CallId}: {Reason}")]
    public static partial void NotJoined(ILogger logger, string supervisionId, string callId, string reason);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Warning, Message = "Supervision request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Error, Message = "Supervision {SupervisionId} of call {CallId} failed")]
    public static partial void Failed(ILogger logger, string supervisionId, string callId, Exception exception);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Warning, Message = "Supervision {SupervisionId} of call {CallId}: what each party heard cannot be recorded")]
    public static partial void NotRecorded(ILogger logger, string supervisionId, string callId, Exception exception);
}
