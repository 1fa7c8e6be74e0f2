using Appliance.Core.Demo;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Drivers.Simulated;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Brings the box up in order: the database (migrated, or refused with a clear error), demo data on an empty
/// simulated box, the call center, the exchange, and last the media clock that sets it all moving.
/// </summary>
internal sealed class CallCenterStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<ApplianceDatabase>();
        database.Migrate();
        var board = services.GetRequiredService<SimulatedBoard>();
        DemoDataSeeder.SeedIfEmpty(database, board.LinePorts.Count, services.GetRequiredService<IOptions<DemoDataOptions>>().Value);
        services.GetRequiredService<CallCenter>();
        services.GetRequiredService<MediaClock>().Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<MediaClock>().Dispose();
        await services.GetRequiredService<RecordingService>().WhenClosedRecordingsWritten().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var journal = services.GetRequiredService<BackgroundCallJournal>();
        await journal.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        journal.Dispose();
    }
}
