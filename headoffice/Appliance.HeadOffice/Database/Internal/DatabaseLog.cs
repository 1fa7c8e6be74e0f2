using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Database;

/// <summary>Log messages of the schema migrator.</summary>
internal static partial class DatabaseLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);
}
