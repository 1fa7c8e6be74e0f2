using Appliance.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>
/// systemd integration through Microsoft.Extensions.Hosting.Systemd, and the watchdog feeder.
/// </summary>
/// <remarks>
/// The package's own <c>AddSystemd()</c> switches itself on only when systemd is our parent process. Here the presence of
/// NOTIFY_SOCKET decides instead: systemd sets it for a Type=notify unit whoever the parent is, and tests can point it at a
/// socket of their own to watch the very code a real box runs. Its lifetime sends READY=1 once every hosted service has
/// started (the board and lines, SIP, and Kestrel's control socket are all started by then) and STOPPING=1 as the
/// appliance begins to stop; it also turns SIGTERM into an orderly stop.
/// </remarks>
internal static class ServiceManagerSetup
{
    public static IServiceCollection AddServiceManager(this IServiceCollection services, SystemdEnvironment systemd)
    {
        services.AddSingleton(systemd);
        services.AddApplianceOptions<WatchdogOptions>(WatchdogOptions.SectionName);
        if (systemd.HasNotifySocket)
        {
            services.AddSingleton<ISystemdNotifier>(sp =>
            {
                var logger = sp.GetRequiredService<ILogger<FailSafeSystemdNotifier>>();
                SystemdLog.Notifying(logger, systemd.NotifySocket!);
                return new FailSafeSystemdNotifier(new SystemdNotifier(), systemd.NotifySocket!, logger);
            });
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        services.AddSingleton<WatchdogFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogFeeder>());
        return services;
    }
}
