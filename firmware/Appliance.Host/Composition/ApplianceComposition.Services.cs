using Appliance.Core;
using Appliance.Core.Acd;
using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Demo;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Configuration;
using Appliance.Core.Persistence;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Supervision;
using Appliance.Drivers.Simulated;
using Appliance.Hal.Boards;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Hosting;
using Appliance.Storage;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Appliance.Telephony.Simulated;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>Wires the board, telephony, storage and the call center into the host.</summary>
internal static partial class ApplianceComposition
{
    static partial void ConfigureServices(WebApplicationBuilder builder, ApplianceDataDirectory dataDirectory)
    {
        var services = builder.Services;
        services.AddApplianceOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddApplianceOptions<SimulatedBoardOptions>(SimulatedBoardOptions.SectionName);
        services.AddApplianceOptions<AnalogLineOptions>(AnalogLineOptions.SectionName);
        services.AddApplianceOptions<CallCenterOptions>(CallCenterOptions.SectionName);
        services.AddApplianceOptions<DemoDataOptions>(DemoDataOptions.SectionName);

        services.AddSingleton(sp => new ApplianceDatabase(
            dataDirectory.Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabaseFile),
            sp.GetRequiredService<ILogger<ApplianceDatabase>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(new CallCenterPaths(dataDirectory.Path, AppContext.BaseDirectory));
        services.AddSingleton<MediaClock>();
        services.AddSingleton<IApplianceHeartbeat, MediaClockHeartbeat>();
        services.AddSingleton<SimulatedBoard>();
        services.AddSingleton<IBoard>(sp => sp.GetRequiredService<SimulatedBoard>());
        services.AddSingleton(sp => sp.GetRequiredService<SimulatedBoard>().Exchange);
        services.AddSingleton(sp => new AnalogLines(
            sp.GetRequiredService<IBoard>().LinePorts,
            sp.GetRequiredService<MediaClock>(),
            sp.GetRequiredService<IOptions<AnalogLineOptions>>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IInboundCallSource>(sp => sp.GetRequiredService<AnalogLines>());
        services.AddSingleton<IChannelDialer, SimulatedPhoneDialer>();
        services.AddSingleton<IChannelDialer, AnalogLineDialer>(); // "line:5551234" dials out on an idle analog line
        services.AddSingleton<ChannelDialers>();

        services.AddSingleton(sp => new ConfigurationEnvironment
        {
            LineCount = sp.GetRequiredService<IOptions<SimulatedBoardOptions>>().Value.LineCount,
            TrunkNames = TrunkNames(sp.GetRequiredService<IOptions<Appliance.Telephony.Sip.SipTrunkOptions>>().Value),
            PromptExists = sp.GetRequiredService<PromptLibrary>().Exists,
            PromptProblem = sp.GetRequiredService<PromptLibrary>().Problem,
        });
        services.AddSingleton<ConfigurationService>();
        services.AddSingleton<ICallCenterDirectory>(sp => sp.GetRequiredService<ConfigurationService>());
        services.AddSingleton<ICallRecordStore, StoredCallRecordStore>();
        services.AddSingleton<BackgroundCallJournal>();
        services.AddSingleton<ICallJournal>(sp => sp.GetRequiredService<BackgroundCallJournal>());
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<FlowRunner>();
        SelfServiceComposition.AddSelfService(services);
        services.AddSingleton<BackgroundAgentChoiceStore>();
        services.AddSingleton<IAgentChoiceStore>(sp => sp.GetRequiredService<BackgroundAgentChoiceStore>());
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<AgentOffers>();
        services.AddSingleton<RecordingService>();
        services.AddSingleton<SupervisableCalls>();
        services.AddSingleton(sp => new BackgroundCallbackStore(
            new StoredCallbackStore(sp.GetRequiredService<ApplianceDatabase>()), sp.GetRequiredService<ILogger<BackgroundCallbackStore>>()));
        services.AddSingleton(sp => new AcdCallbacks(
            sp.GetRequiredService<BackgroundCallbackStore>(), sp.GetRequiredService<ICallJournal>(), sp.GetRequiredService<ILogger<AcdCallbacks>>()));
        services.AddSingleton<AcdService>();
        services.AddSingleton<SupervisionService>();
        services.AddSingleton<CallCenter>();

        services.AddSingleton<ISimulatedCallRunner, SimulatedCallRunner>();
        services.AddSingleton<IStatusSection, LinesStatusSection>();
        services.AddSingleton<IStatusSection, CallCenterStatusSection>();
        services.AddHostedService<CallCenterStartup>();
        services.AddCampaigns(); // after the call center: campaigns start after it and stop before it
        services.AddHostedService<SupervisionShutdown>(); // stops before CallCenterStartup, while the media clock still runs
        WebComposition.AddWeb(builder); // starts after CallCenterStartup has loaded the configuration
        SyncComposition.AddBranchSync(builder, dataDirectory);
        services.AddComplaints();
        services.AddQuality();
        services.AddTicketSync();
        SipComposition.AddSip(builder);
        BankingComposition.AddBanking(builder, dataDirectory);
        services.AddRecordingCompliance(); // after CallCenterStartup: the database is migrated before the first purge
    }

    // The trunks an entry point may name: gateways by address and the providers the box registers with.
    private static HashSet<string> TrunkNames(Appliance.Telephony.Sip.SipTrunkOptions trunks) =>
        [.. trunks.Sources.Keys, .. trunks.Registrations.Select(r => r.Name)];
}
