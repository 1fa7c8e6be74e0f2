using Appliance.Core.Complaints;
using Appliance.Core.Complaints.TicketSync;
using Appliance.Core.Journal;
using Appliance.Host.Composition.Internal;
using Appliance.Host.Configuration;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Two-way tickets (settings section "Sync:Tickets"): head office's changes pulled on the sync loop and applied by
/// revision. Needs the complaints and the branch sync registered first; without a head office the puller stays idle.
/// </summary>
public static class TicketSyncComposition
{
    /// <summary>Registers the ticket-change puller.</summary>
    public static IServiceCollection AddTicketSync(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplianceOptions<TicketSyncOptions>(TicketSyncOptions.SectionName);
        services.TryAddSingleton(sp => new TicketSyncRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.TryAddSingleton(sp => new TicketChangeApplier(
            sp.GetRequiredService<ComplaintService>(), sp.GetRequiredService<TicketSyncRepository>(), sp.GetRequiredService<ICallJournal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TicketChangeApplier>>()));
        services.TryAddSingleton(sp => SyncComposition.CreateHeadOfficeClient(sp) is { } client
            ? new HeadOfficeTicketLink(client, new GrpcTicketChangeSource(client, sp.GetRequiredService<IOptions<OutboxPumpOptions>>().Value.BranchId))
            : new HeadOfficeTicketLink(null, null));
        services.TryAddSingleton(sp => new TicketChangePuller(
            sp.GetRequiredService<HeadOfficeTicketLink>().Source, sp.GetRequiredService<TicketChangeApplier>(),
            sp.GetRequiredService<TicketSyncRepository>(), sp.GetRequiredService<IOptions<TicketSyncOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TicketChangePuller>>()));
        services.AddHostedService(sp => sp.GetRequiredService<TicketChangePuller>());
        return services;
    }
}
