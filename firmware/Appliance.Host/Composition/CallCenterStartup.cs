using Appliance.Core;
using Appliance.Core.Acd;
using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Configuration;
using Appliance.Core.Demo;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Persistence;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Drivers.Simulated;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Brings the box up in order: the database (migrated, or refused with a clear error), demo data on an empty
/// simulated box, the call center, the exchange, and last the media clock that sets it all moving.
/// </summary>
internal sealed partial class CallCenterStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<ApplianceDatabase>();
        database.Migrate();
        var board = services.GetRequiredService<SimulatedBoard>();
        var language = services.GetRequiredService<IOptions<CallCenterOptions>>().Value.Language;
        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var configuration = services.GetRequiredService<ConfigurationService>();
        configuration.Load(() => DemoConfiguration.Create(board.LinePorts.Count, language, demo));
        var clock = services.GetRequiredService<MediaClock>();
        var roster = services.GetRequiredService<AgentRoster>();

        // A hosted service resolved before this one (the ticket puller needs the ACD, which needs the roster) may have
        // made the roster before the configuration was loaded: bring it in line now, before the media loop runs.
        roster.Reconcile(configuration.Agents, CanTakeCalls);
        roster.Restore(services.GetRequiredService<BackgroundAgentChoiceStore>().Load()); // before the media loop runs
        configuration.Changed += snapshot => clock.Post(() => roster.Reconcile(snapshot.Agents, CanTakeCalls));
        services.GetRequiredService<CallCenter>();

        // Callbacks pending when the box stopped go back into their queues, in their places, once the clock runs.
        var pending = services.GetRequiredService<BackgroundCallbackStore>().LoadPending();
        var acd = services.GetRequiredService<AcdService>();
        clock.Start();
        clock.Post(() => acd.RestoreCallbacks(pending));
        return Task.CompletedTask;
    }

    // A simulated agent's phone is always there; a SIP agent takes calls once their phone registers (SipComposition).
    private static bool CanTakeCalls(AgentDefinition agent) => !agent.DialString.StartsWith("sip:", StringComparison.Ordinal);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Calls in progress are hung up and their flows allowed to write their records before the loop stops.
        var clock = services.GetRequiredService<MediaClock>();
        clock.Post(services.GetRequiredService<CallCenter>().HangUpAll);
        clock.Post(services.GetRequiredService<AcdService>().SuspendCallbacks); // they stay stored for the next start
        try
        {
            await clock.WhenFlowsFinished().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            StopLog.FlowsStillRunning(services.GetRequiredService<ILogger<CallCenterStartup>>(), clock.OwnedFlowCount);
        }

        clock.Dispose();
        await services.GetRequiredService<RecordingService>().WhenClosedRecordingsWritten().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        await services.GetRequiredService<BackgroundAgentChoiceStore>().DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var journal = services.GetRequiredService<BackgroundCallJournal>();
        await journal.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        journal.Dispose();
        var callbacks = services.GetRequiredService<BackgroundCallbackStore>();
        await callbacks.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        callbacks.Dispose();
    }

    private static partial class StopLog
    {
        [LoggerMessage(EventId = 140, Level = LogLevel.Warning, Message = "{Count} call flows were still running 5 s after the calls were hung up; stopping anyway")]
        public static partial void FlowsStillRunning(ILogger logger, int count);
    }
}
