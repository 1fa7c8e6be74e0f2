using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Sync.Tests.Support;

/// <summary>A KPI reporter over a test database, as the host composes it.</summary>
internal static class TestKpis
{
    public static KpiReporter Reporter(ApplianceDatabase database, TimeProvider? time = null)
    {
        var summaries = new KpiSummaryRepository(database);
        var summarizer = new KpiSummarizer(new EventLogRepository(database), summaries, NullLogger<KpiSummarizer>.Instance);
        return new KpiReporter(summarizer, summaries, time ?? TimeProvider.System, NullLogger<KpiReporter>.Instance);
    }
}
