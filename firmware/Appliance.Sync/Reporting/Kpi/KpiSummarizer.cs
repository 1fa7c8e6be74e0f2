using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi.Internal;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Reporting.Kpi;

/// <summary>
/// Keeps the KPI summary tables up to date with the event log: folds the events after the stored cursor, a batch per
/// transaction, so a report reads one row per call instead of every event. Safe to run from several places at once (a
/// batch another run stored first is dropped and read again from the new cursor).
/// </summary>
public sealed class KpiSummarizer(EventLogRepository events, KpiSummaryRepository summaries, ILogger<KpiSummarizer> logger)
{
    /// <summary>Events folded per transaction.</summary>
    public const int BatchSize = 5000;

    /// <summary>Folds every event logged so far.</summary>
    /// <returns>How many events were folded.</returns>
    public int CatchUp()
    {
        var total = 0;
        while (true)
        {
            var cursor = summaries.Cursor();
            var batch = events.ReadAfter(cursor, BatchSize);
            if (batch.Count == 0)
            {
                return total;
            }

            if (!summaries.Commit(new KpiFold(summaries, batch).Run(), cursor))
            {
                KpiLog.CursorMoved(logger, cursor);
                continue;
            }

            total += batch.Count;
            KpiLog.Folded(logger, batch.Count, batch[^1].Seq);
        }
    }
}
