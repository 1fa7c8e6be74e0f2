using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

internal static partial class SupervisionApiLog
{
    [LoggerMessage(EventId = 280, Level = LogLevel.Warning, Message = "Supervision request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 281, Level = LogLevel.Information, Message = "Supervision {SupervisionId}: {Mode}, {State}")]
    public static partial void Answered(ILogger logger, string supervisionId, string mode, string state);
}
