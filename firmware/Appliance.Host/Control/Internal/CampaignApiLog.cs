using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Log lines of the campaigns control API (event ids 3170–3179).</summary>
internal static partial class CampaignApiLog
{
    [LoggerMessage(EventId = 3170, Level = LogLevel.Information, Message = "Campaign {Campaign}: {Change}")]
    public static partial void Changed(ILogger logger, string campaign, string change);

    [LoggerMessage(EventId = 3171, Level = LogLevel.Information, Message = "Campaign {Campaign}: imported {Count} contacts ({Skipped} on the do-not-call list skipped), read as {Encoding}")]
    public static partial void Imported(ILogger logger, string campaign, int count, int skipped, string encoding);

    [LoggerMessage(EventId = 3172, Level = LogLevel.Warning, Message = "Campaign request refused: {Problem}")]
    public static partial void Refused(ILogger logger, string problem);
}
