using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>Log messages of the systemd integration (event ids 120-129).</summary>
internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information,
        Message = "Reporting readiness and stop to systemd on {NotifySocket}")]
    public static partial void Notifying(ILogger logger, string notifySocket);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning,
        Message = "Could not send {Notification} to systemd on {NotifySocket}; further failures stay unlogged until one succeeds")]
    public static partial void NotifyFailed(ILogger logger, string notification, string notifySocket, Exception exception);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "Notifications reach systemd on {NotifySocket} again")]
    public static partial void NotifyRecovered(ILogger logger, string notifySocket);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information,
        Message = "Feeding the systemd watchdog every {PeriodSeconds} s while the media clock moves")]
    public static partial void WatchdogFed(ILogger logger, double periodSeconds);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "The systemd watchdog is not fed: {Reason}")]
    public static partial void WatchdogNotFed(ILogger logger, string reason);
}
