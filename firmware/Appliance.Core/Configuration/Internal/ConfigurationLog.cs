using Microsoft.Extensions.Logging;

namespace Appliance.Core.Configuration.Internal;

/// <summary>Log messages of the configuration service (event ids 2300–2309).</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Configuration version {Version} in force (from {Source})")]
    public static partial void Loaded(ILogger logger, long version, string source);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Configuration version {Version} applied (from {Source})")]
    public static partial void Applied(ILogger logger, long version, string source);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Configuration from {Source} refused with {Count} errors, the first: {FirstError}")]
    public static partial void Refused(ILogger logger, string source, int count, string firstError);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Stored configuration version {Version} no longer validates: {Error}")]
    public static partial void StoredVersionInvalid(ILogger logger, long version, string error);
}
