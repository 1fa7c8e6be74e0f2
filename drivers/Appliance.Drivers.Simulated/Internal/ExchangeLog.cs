using Microsoft.Extensions.Logging;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>Log lines of the simulated exchange (event ids 5100–5149).</summary>
internal static partial class ExchangeLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Simulated exchange started: {LineCount} lines, country {Country}, caller ID {CallerIdStandard}, disconnect by {DisconnectSignal}")]
    public static partial void Started(ILogger logger, int lineCount, string country, string callerIdStandard, string disconnectSignal);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Call {CallId} placed on port {PortNumber}, caller ID {HasCallerId}, up to {MaxRings} rings")]
    public static partial void CallPlaced(ILogger logger, string callId, int portNumber, bool hasCallerId, int maxRings);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Call {CallId} answered on port {PortNumber}")]
    public static partial void CallAnswered(ILogger logger, string callId, int portNumber);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Call {CallId} on port {PortNumber} ended: {Reason}")]
    public static partial void CallEnded(ILogger logger, string callId, int portNumber, SimulatedCallEndReason reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Debug, Message = "Call {CallId} sent caller ID on port {PortNumber} ({SampleCount} samples)")]
    public static partial void CallerIdSent(ILogger logger, string callId, int portNumber, int sampleCount);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Line {PortNumber} lost its voltage")]
    public static partial void LineKilled(ILogger logger, int portNumber);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Line {PortNumber} has its voltage back")]
    public static partial void LineRestored(ILogger logger, int portNumber);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Debug, Message = "Call {CallId} on port {PortNumber} started step {Step}")]
    public static partial void StepStarted(ILogger logger, string callId, int portNumber, CallerStep step);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Error, Message = "A handler of {EventName} on port {PortNumber} threw; the exchange carries on")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventName, int portNumber);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Exchange tick ran {MissedFrames} frames late; skipping ahead")]
    public static partial void FellBehind(ILogger logger, long missedFrames);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "Exchange tick failed; the exchange carries on")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Port {PortNumber} dialled {Number}: call {CallId}, {Outcome}")]
    public static partial void Dialled(ILogger logger, int portNumber, string number, string callId, string outcome);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Callee {Number} registered: {Behavior}")]
    public static partial void CalleeRegistered(ILogger logger, string number, SimulatedCalleeBehavior behavior);
}
