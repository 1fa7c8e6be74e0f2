using Microsoft.Extensions.Logging;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>Log lines of the simulated board and its watchdog (event ids 4150–4199).</summary>
internal static partial class BoardLog
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "Simulated board {Model} serial {SerialNumber} ready with {LineCount} line ports")]
    public static partial void BoardReady(ILogger logger, string model, string serialNumber, int lineCount);

    [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "Watchdog started with a timeout of {Timeout}")]
    public static partial void WatchdogStarted(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Information, Message = "Watchdog stopped")]
    public static partial void WatchdogStopped(ILogger logger);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Critical, Message = "Watchdog expired at {ExpiredAt}: last kick at {LastKickAt}; real hardware would reset the board now")]
    public static partial void WatchdogExpired(ILogger logger, DateTimeOffset expiredAt, DateTimeOffset? lastKickAt);
}
