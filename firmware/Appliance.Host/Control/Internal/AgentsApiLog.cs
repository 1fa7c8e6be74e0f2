using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Log messages of the agents control API (event ids 270-279).</summary>
internal static partial class AgentsApiLog
{
    [LoggerMessage(EventId = 270, Level = LogLevel.Information, Message = "Agent {AgentId}: {Command} {Reason} over the control socket, now {Status}")]
    public static partial void Applied(ILogger logger, string agentId, string command, string? reason, string status);

    [LoggerMessage(EventId = 271, Level = LogLevel.Warning, Message = "Agent {AgentId}: state request refused: {Problem}")]
    public static partial void Refused(ILogger logger, string agentId, string problem);
}
