using Appliance.Core.Acd;
using Appliance.Core.Supervision;
using Appliance.Core.Demo;
using Appliance.Core.Directory;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Hosting;
using Appliance.Sip.Auth;
using Appliance.Sip.Registrar;
using Appliance.Storage;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Appliance.Telephony.Sip;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// SIP on the box: the endpoint (Sip:Transport, Sip:Media, Sip:Timers), trunks (Sip:Trunks; a demo trunk from 127.0.0.1 on a
/// simulated box with demo data and no trunk configured), the "sip" dialer for agents' phones, and the SIP calls joined to
/// the analog lines as the call center's one inbound source.
/// </summary>
public static partial class SipComposition
{
    /// <summary>The trunk name and address the demo data adds.</summary>
    public const string DemoTrunkName = "demo";

    /// <summary>
    /// Generates a new SIP password for <paramref name="agentId"/>, stores only its digest hashes for
    /// <paramref name="realm"/> (Sip:Digest:Realm) and returns the password, to be shown once (an `appliance agent password` verb).
    /// </summary>
    /// <exception cref="StorageException">No such agent.</exception>
    public static string GenerateAgentPassword(ApplianceDatabase database, string realm, string agentId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        var agent = new AgentRepository(database).Get(agentId)
            ?? throw new ArgumentException($"There is no agent '{agentId}'.", nameof(agentId));

        // 16 characters from 56 unambiguous ones: about 93 bits, typed once into a phone.
        var password = System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        new SipCredentialRepository(database).Set(
            agent.Id,
            realm,
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, agent.Extension, realm, password),
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, agent.Extension, realm, password),
            time.GetUtcNow());
        return password;
    }

    /// <summary>Registers SIP. Call after the analog lines and the call center are registered (it replaces the inbound source).</summary>
    public static void AddSip(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddApplianceOptions<SipTransportOptions>(SipTransportOptions.SectionName);
        services.AddApplianceOptions<SipMediaOptions>(SipMediaOptions.SectionName);
        services.AddApplianceOptions<SipTimerOptions>(SipTimerOptions.SectionName);
        services.AddApplianceOptions<DigestChallengerOptions>(DigestChallengerOptions.SectionName)
            .PostConfigure<IOptions<SipSecurityOptions>>((digest, security) =>
            {
                SipSecurityOptions settings;
                try
                {
                    settings = security.Value;
                }
                catch (OptionsValidationException)
                {
                    return; // reported once, against Sip:Security itself
                }

                var chosen = settings.DigestAlgorithms.Split(',', StringSplitOptions.TrimEntries)
                    .Select(name => name == "MD5" ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256)
                    .Distinct()
                    .ToList();
                if (chosen.Count > 0)
                {
                    digest.Algorithms.Clear();
                    chosen.ForEach(digest.Algorithms.Add);
                }
            });
        services.AddApplianceOptions<SipTrunkOptions>(SipTrunkOptions.SectionName)
            .PostConfigure<IOptions<DemoDataOptions>, IOptions<BoardOptions>>((trunks, demo, board) =>
            {
                if (trunks.Sources.Count == 0 && demo.Value.Enabled && board.Value.Driver == BoardOptions.SimulatedDriver)
                {
                    trunks.Sources[DemoTrunkName] = "127.0.0.1";
                }
            });

        services.AddApplianceOptions<SipRegistrarOptions>(SipRegistrarOptions.SectionName);
        services.AddApplianceOptions<SipSecurityOptions>(SipSecurityOptions.SectionName);
        services.AddSingleton<SipCredentialCache>();
        services.AddSingleton(sp => new DigestChallenger(sp.GetRequiredService<IOptions<DigestChallengerOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SipRegistrar(
            sp.GetRequiredService<IOptions<SipRegistrarOptions>>(),
            sp.GetRequiredService<DigestChallenger>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SipCredentialCache>().FindHa1));
        services.AddSingleton(sp => new SipAccessGuard(
            sp.GetRequiredService<SipRegistrar>(),
            sp.GetRequiredService<DigestChallenger>(),
            sp.GetRequiredService<SipCredentialCache>().FindHa1,
            sp.GetRequiredService<IOptions<SipSecurityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SipAccessGuard>>()));
        services.AddSingleton<SipEndpoint>();
        services.AddSingleton<AgentFeatureCodes>();
        services.AddSingleton<SupervisorFeatureCodes>();
        services.AddSingleton<IAgentDesk, AgentDesk>();
        services.AddSingleton<IChannelDialer>(sp => sp.GetRequiredService<SipEndpoint>());
        services.AddSingleton<IInboundCallSource>(sp => new CombinedInboundCallSource(
            [sp.GetRequiredService<AnalogLines>(), sp.GetRequiredService<SipEndpoint>()]));
        services.AddSingleton<IStatusSection, SipStatusSection>();
        services.AddHostedService<SipStartup>();
    }

    /// <summary>
    /// Binds SIP once the database and call center are up. A port that cannot be bound is logged as an error naming the
    /// setting, and the box runs on without SIP rather than losing its analog lines too.
    /// </summary>
    private sealed partial class SipStartup(IServiceProvider services, ILogger<SipStartup> logger) : IHostedService
    {
        private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
        private ITimer? _sweeper;

        // Resolved here, not in the constructor: hosted services are built before any starts, and these read the
        // database that CallCenterStartup migrates first.
        private SipEndpoint Endpoint => services.GetRequiredService<SipEndpoint>();

        private SipRegistrar Registrar => services.GetRequiredService<SipRegistrar>();

        private MediaClock Clock => services.GetRequiredService<MediaClock>();

        private AgentRoster Roster => services.GetRequiredService<AgentRoster>();

        private ICallCenterDirectory Directory => services.GetRequiredService<ICallCenterDirectory>();

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var endpoint = Endpoint;
            var registrar = Registrar;
            var clock = Clock;
            var guard = services.GetRequiredService<SipAccessGuard>();
            var directory = Directory;
            var time = services.GetRequiredService<TimeProvider>();
            endpoint.AccessControl = guard;
            endpoint.AgentDialPlan = services.GetRequiredService<SupervisorFeatureCodes>(); // *6x, then the agents' *50–*53
            endpoint.Locate = user => registrar.Lookup(user)
                .Select(b => new SipContactTarget(b.Contact, b.Source, !b.Transport.Equals("UDP", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            registrar.PresenceChanged += (extension, registered) => clock.Post(() => ApplyPresence(extension, registered));

            // A SIP agent is offered calls only while their phone is registered: none is, yet.
            clock.Post(() =>
            {
                foreach (var agent in directory.Agents.Where(a => a.DialString.StartsWith("sip:", StringComparison.Ordinal)))
                {
                    ApplyPresence(agent.DialString[4..], registrar.Lookup(agent.DialString[4..]).Count > 0);
                }
            });
            var credentials = services.GetRequiredService<SipCredentialCache>();
            credentials.Reload();
            _sweeper = time.CreateTimer(
                _ =>
                {
                    // The reload reads SQLite here, on the timer's thread, so the media loop only ever reads memory.
                    credentials.Reload();
                    clock.Post(() => { registrar.Sweep(); guard.Sweep(); });
                },
                null,
                SweepInterval,
                SweepInterval);
            try
            {
                endpoint.Start();
            }
            catch (InvalidOperationException error)
            {
                CannotStart(logger, error.Message);
            }

            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _sweeper?.Dispose();

            // A feature-code confirmation lasts about a second; let it end before the calls are torn down.
            try
            {
                await Task.WhenAll(services.GetRequiredService<AgentFeatureCodes>().WhenIdle(), services.GetRequiredService<SupervisorFeatureCodes>().WhenIdle())
                    .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception error) when (error is TimeoutException or OperationCanceledException)
            {
                ConfirmationsCutShort(logger);
            }

            await Endpoint.DisposeAsync();
        }

        // A registered phone makes its agent able to take calls; logging out or pausing is the agent's own choice
        // (feature codes, `appliance agent`) and survives the phone registering again.
        private void ApplyPresence(string extension, bool registered)
        {
            if (Directory.Agents.FirstOrDefault(a => a.DialString == "sip:" + extension) is { } agent)
            {
                Roster.SetPhoneConnected(agent.Id, registered);
            }
        }

        [LoggerMessage(EventId = 1220, Level = LogLevel.Error, Message = "SIP is off: {Reason}")]
        private static partial void CannotStart(ILogger logger, string reason);

        [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "SIP stopping while agent feature-code calls were still playing")]
        private static partial void ConfirmationsCutShort(ILogger logger);
    }

    /// <summary>"sip" in `appliance status`.</summary>
    private sealed class SipStatusSection(SipEndpoint endpoint, SipRegistrar registrar, MediaClock clock) : IStatusSection
    {
        public string Name => "sip";

        public object GetStatus() => new
        {
            running = endpoint.IsRunning,
            udp = endpoint.IsRunning ? endpoint.UdpEndPoint.ToString() : null,
            tcp = endpoint.IsRunning ? endpoint.TcpEndPoint.ToString() : null,
            calls = clock.InvokeAsync(() => endpoint.ActiveCalls).WaitAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult(),
            registered = registrar.RegisteredUsers(),
            trunkRegistrations = endpoint.Registrations
                .Select(r => new { name = r.Name, state = r.State.ToString(), expiresAt = r.ExpiresAt, lastError = r.LastError })
                .ToList(),
        };
    }
}
