using Appliance.Core.Acd;
using Appliance.Core.Campaigns;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Composition;

/// <summary>Wires outbound campaigns: the repository, the background store, the dialler and its start and stop.</summary>
internal static class CampaignComposition
{
    /// <summary>Call after the call center's own hosted service is added, so campaigns start after it and stop before it.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CampaignRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.AddSingleton(sp => new BackgroundCampaignStore(
            sp.GetRequiredService<CampaignRepository>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BackgroundCampaignStore>>()));
        services.AddSingleton(sp => new CampaignDialler(
            sp.GetRequiredService<MediaClock>(), sp.GetRequiredService<AcdService>(), sp.GetRequiredService<ICallCenterDirectory>(),
            sp.GetRequiredService<BackgroundCampaignStore>(), sp.GetRequiredService<ICallJournal>(), sp.GetRequiredService<ILogger<CampaignDialler>>()));
        services.AddHostedService<CampaignStartup>();
        return services;
    }
}
