using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Benchmarks.Kpi;

/// <summary>A KPI reporter over a benchmark database, as the host composes it.</summary>
internal static class KpiBench
{
    public static KpiReporter Reporter(ApplianceDatabase database)
    {
        var summaries = new KpiSummaryRepository(database);
        var summarizer = new KpiSummarizer(new EventLogRepository(database), summaries, NullLogger<KpiSummarizer>.Instance);
        return new KpiReporter(summarizer, summaries, TimeProvider.System, NullLogger<KpiReporter>.Instance);
    }
}
