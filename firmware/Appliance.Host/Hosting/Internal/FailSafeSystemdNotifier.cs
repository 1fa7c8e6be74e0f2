using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>
/// Sends through the package's <see cref="SystemdNotifier"/>, but a notification that cannot be delivered (NOTIFY_SOCKET
/// names nothing, garbage, a path too long for a socket) is logged, never thrown: a confused service manager must not
/// take the lines down. The first failure of a run of them is logged, so a watchdog fed twice a second cannot flood the log.
/// </summary>
internal sealed class FailSafeSystemdNotifier(ISystemdNotifier inner, string notifySocket, ILogger<FailSafeSystemdNotifier> logger)
    : ISystemdNotifier
{
    private int _failing;

    public bool IsEnabled => inner.IsEnabled;

    public void Notify(ServiceState state)
    {
        try
        {
            inner.Notify(state);
        }
        catch (Exception ex)
        {
            // Whatever the socket layer throws, the box runs on; the exception goes to the log.
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                SystemdLog.NotifyFailed(logger, Describe(state), notifySocket, ex);
            }

            return;
        }

        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            SystemdLog.NotifyRecovered(logger, notifySocket);
        }
    }

    // ServiceState.ToString() is the datagram itself, e.g. "READY=1"; one line of it is enough for the log.
    private static string Describe(ServiceState state)
    {
        var text = state.ToString();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
