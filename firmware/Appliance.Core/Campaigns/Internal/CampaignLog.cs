using Microsoft.Extensions.Logging;

namespace Appliance.Core.Campaigns.Internal;

/// <summary>The campaign dialler's log lines (event ids 3150–3199).</summary>
internal static partial class CampaignLog
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information, Message = "Campaign {Campaign} is {State}")]
    public static partial void StateChanged(ILogger logger, string campaign, string state);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Information, Message = "Campaign {Campaign} contact on line {Line}: attempt {Attempt} by agent {Agent} ended {Outcome}")]
    public static partial void Attempted(ILogger logger, string campaign, int line, int attempt, string? agent, string outcome);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Information, Message = "Campaign {Campaign} contact on line {Line} done: {Result}")]
    public static partial void Completed(ILogger logger, string campaign, int line, string result);

    [LoggerMessage(EventId = 3153, Level = LogLevel.Information, Message = "Restored {Count} campaigns ({Running} running)")]
    public static partial void Restored(ILogger logger, int count, int running);

    [LoggerMessage(EventId = 3154, Level = LogLevel.Warning, Message = "Campaign {Campaign}: its queue {Queue} does not exist; paused")]
    public static partial void QueueGone(ILogger logger, string campaign, string queue);

    [LoggerMessage(EventId = 3155, Level = LogLevel.Warning, Message = "Storing {What} failed (attempt {Attempt})")]
    public static partial void WriteFailed(ILogger logger, string what, int attempt, Exception error);

    [LoggerMessage(EventId = 3156, Level = LogLevel.Error, Message = "Storing {What} failed every attempt; the change is lost")]
    public static partial void WriteDropped(ILogger logger, string what);

    [LoggerMessage(EventId = 3157, Level = LogLevel.Error, Message = "Writing the call record of campaign {Campaign} call {CallId} failed")]
    public static partial void RecordFailed(ILogger logger, string campaign, string callId, Exception error);

    [LoggerMessage(EventId = 3158, Level = LogLevel.Error, Message = "A worker of campaign {Campaign} failed")]
    public static partial void WorkerFailed(ILogger logger, string campaign, Exception error);
}
