using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>Log messages of the watchdog feeder (event ids 130-139).</summary>
internal static partial class WatchdogLog
{
    [LoggerMessage(EventId = 130, Level = LogLevel.Information,
        Message = "Board watchdog armed with a timeout of {TimeoutSeconds} s; fed while the media clock moves")]
    public static partial void BoardArmed(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 131, Level = LogLevel.Error,
        Message = "Watchdog:BoardTimeoutSeconds: the board's watchdog refused {TimeoutSeconds} s ({Reason}); running without it")]
    public static partial void BoardRefused(ILogger logger, double timeoutSeconds, string reason);

    [LoggerMessage(EventId = 132, Level = LogLevel.Error,
        Message = "The media clock has not moved for {StalledSeconds} s: the watchdogs are no longer fed, so the appliance will be restarted")]
    public static partial void Stalled(ILogger logger, double stalledSeconds);

    [LoggerMessage(EventId = 133, Level = LogLevel.Warning,
        Message = "The media clock moves again after a stall of {StalledSeconds} s; feeding the watchdogs")]
    public static partial void Resumed(ILogger logger, double stalledSeconds);

    [LoggerMessage(EventId = 134, Level = LogLevel.Critical, Message = "The watchdog feeder failed; the watchdogs are no longer fed")]
    public static partial void FeederFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 135, Level = LogLevel.Information, Message = "Board watchdog disarmed for an orderly stop")]
    public static partial void BoardDisarmed(ILogger logger);

    [LoggerMessage(EventId = 136, Level = LogLevel.Information,
        Message = "Nothing in this build beats a heartbeat: the watchdogs are fed while the process runs")]
    public static partial void NoHeartbeat(ILogger logger);
}
