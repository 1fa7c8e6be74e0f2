using Microsoft.Extensions.Logging;

namespace Appliance.Core.Quality.Internal;

/// <summary>QA log lines (event ids 3400–3429).</summary>
internal static partial class QaLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "QA sample of the week of {Week} drawn: {Calls} calls of {Agents} agents at {Percent} %")]
    public static partial void Drawn(ILogger logger, string week, int calls, int agents, int percent);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "QA sample of the week of {Week} was drawn before; it is kept")]
    public static partial void AlreadyDrawn(ILogger logger, string week);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "QA score {ScoreId} of call {CallId} (agent {Agent}) on scorecard {Scorecard} by {Reviewer}: {Total} (fatal {Fatal})")]
    public static partial void Scored(ILogger logger, string scoreId, string callId, string agent, string scorecard, string reviewer, double total, bool fatal);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning, Message = "QA request refused ({Failure}): {Reason}")]
    public static partial void Refused(ILogger logger, QaFailure failure, string reason);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Error, Message = "Drawing the QA sample of the week of {Week} by schedule failed; trying again in {RetryMinutes} minutes")]
    public static partial void AutoSampleFailed(ILogger logger, Exception exception, string week, int retryMinutes);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "QA samples are drawn only on request (Quality:AutoSample is false)")]
    public static partial void AutoSampleOff(ILogger logger);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Debug, Message = "Next QA sample drawn by schedule at {Due} for the week of {Week}")]
    public static partial void AutoSampleNext(ILogger logger, DateTimeOffset due, string week);
}
