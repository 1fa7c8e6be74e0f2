using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Composition;

/// <summary>KPI reports: the summaries folded from the event log, and the reporter the report service and CLI share.</summary>
internal static class KpiComposition
{
    public static IServiceCollection AddKpiReports(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EventLogRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.TryAddSingleton(sp => new KpiSummaryRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.TryAddSingleton(sp => new KpiSummarizer(
            sp.GetRequiredService<EventLogRepository>(), sp.GetRequiredService<KpiSummaryRepository>(), sp.GetRequiredService<ILogger<KpiSummarizer>>()));
        services.TryAddSingleton(sp => new KpiReporter(
            sp.GetRequiredService<KpiSummarizer>(), sp.GetRequiredService<KpiSummaryRepository>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KpiReporter>>()));
        return services;
    }
}
