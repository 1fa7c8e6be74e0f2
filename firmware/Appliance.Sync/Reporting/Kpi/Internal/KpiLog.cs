using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Reporting.Kpi.Internal;

/// <summary>Log messages of the KPI summarizer and reports (event ids 3250-3299).</summary>
internal static partial class KpiLog
{
    [LoggerMessage(3250, LogLevel.Debug, "KPI summaries folded {Events} events up to log position {Seq}")]
    public static partial void Folded(ILogger logger, int events, long seq);

    [LoggerMessage(3251, LogLevel.Debug, "KPI summaries at log position {Seq} were moved by another summarizer; reading on from its cursor")]
    public static partial void CursorMoved(ILogger logger, long seq);

    [LoggerMessage(3252, LogLevel.Debug, "KPI report {From}..{To} per {Interval}: {Rows} rows")]
    public static partial void Reported(ILogger logger, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, int rows);
}
