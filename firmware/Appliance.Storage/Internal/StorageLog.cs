using Microsoft.Extensions.Logging;

namespace Appliance.Storage.Internal;

/// <summary>Log messages of the store. Event ids 3000-3099 belong to Appliance.Storage and never change meaning.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug,
        Message = "Inspected {DatabaseFile}: {State}, schema {SchemaVersion} ({Detail})")]
    public static partial void Inspected(ILogger logger, string databaseFile, DatabaseState state, int schemaVersion, string detail);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "Refusing database {DatabaseFile} ({Failure}): {Reason}")]
    public static partial void Refused(ILogger logger, string databaseFile, StorageFailure failure, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Initialising database {DatabaseFile} (was {State})")]
    public static partial void Initialising(ILogger logger, string databaseFile, DatabaseState state);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Applied migration {MigrationName} to {DatabaseFile}: schema is now {SchemaVersion}")]
    public static partial void MigrationApplied(ILogger logger, string migrationName, string databaseFile, int schemaVersion);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error,
        Message = "Migration {MigrationName} failed on {DatabaseFile} and was rolled back; the schema stays at {SchemaVersion}")]
    public static partial void MigrationFailed(ILogger logger, Exception exception, string migrationName, string databaseFile, int schemaVersion);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Database {DatabaseFile} is at schema {SchemaVersion}: nothing to migrate")]
    public static partial void AlreadyCurrent(ILogger logger, string databaseFile, int schemaVersion);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "Opened database {DatabaseFile} at schema {SchemaVersion}")]
    public static partial void Opened(ILogger logger, string databaseFile, int schemaVersion);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug,
        Message = "Migration {MigrationName} was already applied to {DatabaseFile} by another connection")]
    public static partial void MigrationAlreadyApplied(ILogger logger, string migrationName, string databaseFile);
}
