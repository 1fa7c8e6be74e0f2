using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Reporting.Internal;

/// <summary>Log messages of the report service (event ids 6200-6299).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(6200, LogLevel.Information, "Report service listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(6201, LogLevel.Debug, "GetKpis {From}..{To} by {Interval}: {Rows} rows")]
    public static partial void KpisServed(ILogger logger, DateTimeOffset from, DateTimeOffset to, string interval, int rows);

    [LoggerMessage(6202, LogLevel.Debug, "WatchEvents from {Peer} started after event {Seq}")]
    public static partial void WatchStarted(ILogger logger, string peer, long seq);
}
