using Appliance.Core.Acd;
using Appliance.Core.Complaints;
using Appliance.Core.Journal;
using Appliance.Host.Configuration;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Complaint tickets (settings section "Complaints"): the service the control and agent APIs use, and the overdue chase
/// running in the background, and the callback queued when a complaint is resolved (Complaints:CallbackQueue). Needs the database, the outbox encoder, the call journal and the clock registered.
/// </summary>
public static class ComplaintComposition
{
    /// <summary>Registers the complaint components.</summary>
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplianceOptions<ComplaintsOptions>(ComplaintsOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintsOptions>, ComplaintsOptionsValidator>());
        services.TryAddSingleton(sp => new ComplaintTicketRepository(sp.GetRequiredService<ApplianceDatabase>(), sp.GetRequiredService<IOutboxPayloadEncoder>()));
        services.TryAddSingleton(sp => new ComplaintService(
            sp.GetRequiredService<ComplaintTicketRepository>(),
            sp.GetRequiredService<IOptions<ComplaintsOptions>>(),
            sp.GetRequiredService<ICallJournal>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ComplaintService>>(),
            sp.GetService<IOptions<OutboxPumpOptions>>()?.Value.BranchId is { Length: > 0 } branch ? branch : "branch",
            sp.GetService<AcdService>() is null ? null : sp.GetService<IComplaintCallbacks>())); // a host without a call center queues none
        services.TryAddSingleton<IComplaintCallbacks>(sp => new AcdComplaintCallbacks(
            sp.GetRequiredService<MediaClock>(), sp.GetRequiredService<AcdService>(), sp.GetRequiredService<ICallJournal>(),
            sp.GetRequiredService<IOptions<ComplaintsOptions>>(), sp.GetRequiredService<ILogger<AcdComplaintCallbacks>>()));
        services.TryAddSingleton<ComplaintChase>();
        services.AddHostedService(sp => sp.GetRequiredService<ComplaintChase>());
        return services;
    }
}
