using Microsoft.Extensions.Logging;

namespace Appliance.Core.Persistence.Internal;

internal static partial class AgentChoiceLog
{
    [LoggerMessage(EventId = 2460, Level = LogLevel.Warning, Message = "Storing {Count} agent states failed (attempt {Attempt}); retrying")]
    public static partial void SaveFailed(ILogger logger, int count, int attempt, Exception error);

    [LoggerMessage(EventId = 2461, Level = LogLevel.Error, Message = "Gave up storing {Count} agent states; they come back as before after a restart")]
    public static partial void Dropped(ILogger logger, int count);
}
