using System.Globalization;

namespace Appliance.Host.Hosting.Internal;

/// <summary>
/// What systemd told this process through its environment (sd_notify(3), sd_watchdog_enabled(3)). Read from the process's
/// own environment, because that is where the package's <c>SystemdNotifier</c> reads NOTIFY_SOCKET too.
/// </summary>
internal sealed record SystemdEnvironment(string? NotifySocket, string? WatchdogMicroseconds, string? WatchdogProcessId)
{
    public const string NotifySocketVariable = "NOTIFY_SOCKET";
    public const string WatchdogMicrosecondsVariable = "WATCHDOG_USEC";
    public const string WatchdogProcessIdVariable = "WATCHDOG_PID";

    // PeriodicTimer needs at least a millisecond; and a feed a day is plenty for any interval systemd could ask for.
    private static readonly TimeSpan ShortestFeedPeriod = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LongestFeedPeriod = TimeSpan.FromDays(1);

    /// <summary>Whether a service manager listens for our notifications (Type=notify).</summary>
    public bool HasNotifySocket => !string.IsNullOrEmpty(NotifySocket);

    public static SystemdEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable(NotifySocketVariable),
        Environment.GetEnvironmentVariable(WatchdogMicrosecondsVariable),
        Environment.GetEnvironmentVariable(WatchdogProcessIdVariable));

    /// <summary>
    /// How often to send WATCHDOG=1 (half the interval systemd asked for), or null when this process is not to feed it;
    /// <paramref name="problem"/> then says why if the variables were set but unusable.
    /// </summary>
    public TimeSpan? WatchdogFeedPeriod(int processId, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(WatchdogMicroseconds))
        {
            return null;
        }

        if (!ulong.TryParse(WatchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds == 0)
        {
            problem = $"{WatchdogMicrosecondsVariable} '{WatchdogMicroseconds}' is not a positive number of microseconds";
            return null;
        }

        if (!string.IsNullOrEmpty(WatchdogProcessId))
        {
            if (!int.TryParse(WatchdogProcessId, NumberStyles.None, CultureInfo.InvariantCulture, out var watched))
            {
                problem = $"{WatchdogProcessIdVariable} '{WatchdogProcessId}' is not a process id";
                return null;
            }

            if (watched != processId)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"{WatchdogProcessIdVariable} {watched} is another process (this is {processId})");
                return null;
            }
        }

        if (!HasNotifySocket)
        {
            problem = $"{WatchdogMicrosecondsVariable} is set but {NotifySocketVariable} is not";
            return null;
        }

        var halfMicroseconds = Math.Min(microseconds / 2, (ulong)(LongestFeedPeriod.Ticks / TimeSpan.TicksPerMicrosecond));
        var half = TimeSpan.FromTicks((long)halfMicroseconds * TimeSpan.TicksPerMicrosecond);
        return half < ShortestFeedPeriod ? ShortestFeedPeriod : half;
    }
}
