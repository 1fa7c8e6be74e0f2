using Appliance.Core.Quality;
using Appliance.Host.Composition.Internal;
using Appliance.Host.Configuration;
using Appliance.Storage;
using Appliance.Storage.Quality;
using Appliance.Sync.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Quality assurance (settings section "Quality"): scorecards, the weekly review sample (drawn on request and by the
/// owned weekly schedule) and scores, which reach head office through the outbox. Needs the database, the call records
/// and the clock registered.
/// </summary>
public static class QualityComposition
{
    /// <summary>Registers the QA components.</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplianceOptions<QualityOptions>(QualityOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QualityOptions>, QualityOptionsValidator>());
        services.TryAddSingleton<ProtobufQaScoreEncoder>();
        services.TryAddSingleton(sp => new QaRepository(sp.GetRequiredService<ApplianceDatabase>(), sp.GetRequiredService<ProtobufQaScoreEncoder>()));
        services.TryAddSingleton(sp => new QaService(
            sp.GetRequiredService<QaRepository>(),
            sp.GetService<CallRecordRepository>() ?? new CallRecordRepository(sp.GetRequiredService<ApplianceDatabase>()),
            sp.GetRequiredService<IOptions<QualityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            new Random(),
            sp.GetRequiredService<ILogger<QaService>>()));
        services.TryAddSingleton<QaSamplingSchedule>();
        services.AddHostedService<QaSamplingWorker>(); // registered after CallCenterStartup: the database is migrated first
        return services;
    }
}
