using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>Log messages of the appliance's start and stop (event ids 100-199).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Appliance {Version} starting on {DataDirectory} (pid {ProcessId})")]
    public static partial void Starting(ILogger logger, string version, string dataDirectory, int processId);

    // Integration tests and the start-up benchmark wait for this exact text on stdout: do not reword it.
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Appliance ready in {ElapsedMilliseconds} ms")]
    public static partial void Ready(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Removed stale control socket {SocketPath}: nothing answered on it")]
    public static partial void StaleSocketRemoved(ILogger logger, string socketPath);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Appliance stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Appliance stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Appliance refused to start: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Critical, Message = "Appliance failed to start")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Control socket listening on {SocketPath}")]
    public static partial void ControlSocketListening(ILogger logger, string socketPath);
}
