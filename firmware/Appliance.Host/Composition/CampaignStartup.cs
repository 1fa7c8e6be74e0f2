using Appliance.Core.Campaigns;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition;

/// <summary>
/// Puts stored campaigns back on the media loop once the call center runs (running ones resume dialling with their
/// attempts and schedule), and at stop takes the workers off it before the calls are hung up, then writes what is queued.
/// </summary>
internal sealed class CampaignStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var repository = services.GetRequiredService<CampaignRepository>();
        var campaigns = repository.List();
        var contacts = campaigns.ToDictionary(c => c.Name, c => repository.Contacts(c.Name), StringComparer.Ordinal);
        var doNotCall = repository.DoNotCall();
        var dialler = services.GetRequiredService<CampaignDialler>();
        services.GetRequiredService<MediaClock>().Post(() => dialler.Restore(campaigns, name => contacts[name], doNotCall));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var dialler = services.GetRequiredService<CampaignDialler>();
        await services.GetRequiredService<MediaClock>().InvokeAsync(() =>
        {
            dialler.Suspend();
            return true;
        }).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        await services.GetRequiredService<BackgroundCampaignStore>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
    }
}
