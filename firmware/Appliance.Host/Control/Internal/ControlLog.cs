using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Log messages of the control API (event ids 200-299).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Status section {SectionName} failed")]
    public static partial void StatusSectionFailed(ILogger logger, string sectionName, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Simulated call on line {Line} from {CallerNumber} requested over the control socket")]
    public static partial void SimCallRequested(ILogger logger, int line, string callerNumber);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Simulated call request refused: {Reason}")]
    public static partial void SimCallRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information,
        Message = "Simulated call {CallId} on line {Line} ended: {Outcome}")]
    public static partial void SimCallEnded(ILogger logger, string callId, int line, string outcome);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Simulated call on line {Line} failed inside the appliance")]
    public static partial void SimCallFailed(ILogger logger, int line, Exception exception);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information,
        Message = "Simulated call on line {Line} abandoned: the control client went away")]
    public static partial void SimCallClientGone(ILogger logger, int line);
}
