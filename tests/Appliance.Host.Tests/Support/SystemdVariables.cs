using Appliance.Host.Hosting.Internal;

namespace Appliance.Host.Tests.Support;

/// <summary>
/// Sets systemd's variables in this test process's environment, where the package's SystemdNotifier reads NOTIFY_SOCKET,
/// and removes them on dispose. Only for tests in <see cref="ProcessEnvironmentCollection"/>, which run alone.
/// </summary>
internal sealed class SystemdVariables : IDisposable
{
    private static readonly string[] Names =
    [
        SystemdEnvironment.NotifySocketVariable,
        SystemdEnvironment.WatchdogMicrosecondsVariable,
        SystemdEnvironment.WatchdogProcessIdVariable,
    ];

    public SystemdVariables(string? notifySocket, string? watchdogMicroseconds = null, string? watchdogProcessId = null)
    {
        Environment.SetEnvironmentVariable(SystemdEnvironment.NotifySocketVariable, notifySocket);
        Environment.SetEnvironmentVariable(SystemdEnvironment.WatchdogMicrosecondsVariable, watchdogMicroseconds);
        Environment.SetEnvironmentVariable(SystemdEnvironment.WatchdogProcessIdVariable, watchdogProcessId);
    }

    public void Dispose()
    {
        foreach (var name in Names)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
