using Microsoft.Extensions.Logging;

namespace Appliance.Core.Journal;

internal static partial class JournalLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Writing {Count} events failed (attempt {Attempt}); retrying")]
    public static partial void AppendFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Critical, Message = "Dropped {Count} events after repeated write failures")]
    public static partial void Dropped(ILogger logger, int count);
}
