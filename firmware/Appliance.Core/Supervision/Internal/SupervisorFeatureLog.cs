using Microsoft.Extensions.Logging;

namespace Appliance.Core.Supervision.Internal;

/// <summary>Log messages of supervision feature codes keyed on a supervisor's phone (event ids 2710-2719).</summary>
internal static partial class SupervisorFeatureLog
{
    [LoggerMessage(EventId = 2710, Level = LogLevel.Information, Message = "Supervisor {SupervisorId} keyed {Dialled}: supervision {SupervisionId} of agent {AgentId}")]
    public static partial void Started(ILogger logger, string supervisorId, string dialled, string supervisionId, string agentId);

    [LoggerMessage(EventId = 2711, Level = LogLevel.Warning, Message = "Phone {PhoneUser} keyed {Dialled}: refused: {Reason}")]
    public static partial void Refused(ILogger logger, string phoneUser, string dialled, string reason);
}
