using Microsoft.Extensions.Logging;

namespace Appliance.Host.Web.Internal;

internal static partial class WebLog
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Information, Message = "Web listener (agent desk) listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Warning, Message = "Agent desk request {Method} {Path} from {Remote} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string? remote, string reason);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Information, Message = "Agent {AgentId} opened the offer stream")]
    public static partial void StreamOpened(ILogger logger, string agentId);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "Agent {AgentId} closed the offer stream")]
    public static partial void StreamClosed(ILogger logger, string agentId);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Error, Message = "Reading the screen pop history of call {CallId} failed; the offer goes out without it")]
    public static partial void HistoryFailed(ILogger logger, string callId, Exception error);
}
