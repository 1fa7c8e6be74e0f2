using Appliance.Core.Recording;
using Appliance.Host.Composition.Internal;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Appliance.Host.Composition;

/// <summary>
/// Recording compliance on the box: retention options (section "Recordings"), the scheduled purge, and the disk guard
/// that suspends recording when the disk is full (its alarm in <c>appliance status</c> under "recordingDisk").
/// </summary>
public static class RecordingComposition
{
    /// <summary>
    /// Registers the purge. Call after the call center's hosted services, so the database is migrated and the queue
    /// configuration loaded before the first purge runs.
    /// </summary>
    public static IServiceCollection AddRecordingCompliance(this IServiceCollection services)
    {
        services.AddApplianceOptions<RecordingOptions>(RecordingOptions.SectionName);
        services.AddSingleton(sp => new RecordingComplianceRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.AddSingleton<RecordingPurge>();
        services.AddHostedService<RecordingPurgeWorker>();
        services.TryAddSingleton<IFreeSpaceProbe, VolumeFreeSpaceProbe>();
        services.AddSingleton<RecordingDiskGuard>();
        services.AddHostedService<RecordingDiskWorker>();
        services.AddSingleton<IStatusSection, RecordingDiskStatusSection>();
        return services;
    }
}
