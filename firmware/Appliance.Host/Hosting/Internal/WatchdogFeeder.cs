using Appliance.Hal.Boards;
using Appliance.Hal.Watchdog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Hosting.Internal;

/// <summary>
/// Feeds systemd's watchdog (WATCHDOG=1 at half of WATCHDOG_USEC) and the board's hardware watchdog while the heartbeat
/// (the media clock's completed ticks) moves. The checking and sending happen on this service's own task, on the injected
/// clock, so the media loop only ever bumps a counter and never waits on a socket, a device or the log.
/// </summary>
/// <remarks>
/// Feeding starts once the whole appliance has started, as systemd's watchdog runs from READY=1, and stops first when the
/// appliance stops, so a slow orderly shutdown is not mistaken for a hang (systemd's stop timeout covers that).
/// </remarks>
internal sealed class WatchdogFeeder(
    IServiceProvider services,
    SystemdEnvironment systemd,
    IOptions<WatchdogOptions> options,
    TimeProvider time,
    ILogger<WatchdogFeeder> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly ServiceState Fed = new("WATCHDOG=1");
    private static readonly ServiceState StalledStatus = new("STATUS=Media clock stalled: watchdog not fed");
    private static readonly ServiceState RunningStatus = new("STATUS=Running");

    private readonly CancellationTokenSource _stopping = new();
    private Task _feeding = Task.CompletedTask;
    private IWatchdog? _board;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var (notifier, systemdPeriod) = SystemdWatchdog();
        _board = ArmBoardWatchdog();
        var boardPeriod = _board is null ? (TimeSpan?)null : TimeSpan.FromSeconds(options.Value.BoardTimeoutSeconds) / 2;

        // One loop feeds both, as often as the stricter of the two needs.
        TimeSpan? period = (systemdPeriod, boardPeriod) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
        if (period is null)
        {
            return Task.CompletedTask;
        }

        var heartbeat = services.GetService<IApplianceHeartbeat>();
        if (heartbeat is null)
        {
            WatchdogLog.NoHeartbeat(logger);
        }

        _feeding = FeedAsync(period.Value, heartbeat, notifier, _board, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await StopFeedingAsync();
        if (_board is { } board)
        {
            _board = null;
            board.Stop();
            WatchdogLog.BoardDisarmed(logger);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopFeedingAsync();
        _stopping.Dispose();
    }

    private async Task StopFeedingAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _feeding; // FeedAsync logs its own failures and never throws.
    }

    private (ISystemdNotifier? Notifier, TimeSpan? Period) SystemdWatchdog()
    {
        var period = systemd.WatchdogFeedPeriod(Environment.ProcessId, out var problem);
        if (problem is not null)
        {
            SystemdLog.WatchdogNotFed(logger, problem);
        }

        // A feed period implies NOTIFY_SOCKET, and with it the notifier SystemdSetup registered.
        if (period is null || services.GetService<ISystemdNotifier>() is not { } notifier)
        {
            return (null, null);
        }

        SystemdLog.WatchdogFed(logger, period.Value.TotalSeconds);
        return (notifier, period);
    }

    private IWatchdog? ArmBoardWatchdog()
    {
        var seconds = options.Value.BoardTimeoutSeconds;
        if (seconds == 0 || services.GetService<IBoard>()?.Watchdog is not { } watchdog)
        {
            return null;
        }

        var timeout = TimeSpan.FromSeconds(seconds);
        try
        {
            watchdog.Start(timeout);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            WatchdogLog.BoardRefused(logger, timeout.TotalSeconds, ex.Message);
            return null;
        }

        WatchdogLog.BoardArmed(logger, timeout.TotalSeconds);
        return watchdog;
    }

    private async Task FeedAsync(
        TimeSpan period, IApplianceHeartbeat? heartbeat, ISystemdNotifier? notifier, IWatchdog? board, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(period, time);
            long checks = 0;
            var lastBeats = heartbeat?.Beats ?? 0;
            var lastMovedAt = time.GetTimestamp();
            var stalled = false;
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Without a heartbeat (a host-only build) this loop still running is the only sign of life there is.
                var beats = heartbeat?.Beats ?? ++checks;
                if (beats == lastBeats)
                {
                    if (!stalled)
                    {
                        stalled = true;
                        WatchdogLog.Stalled(logger, time.GetElapsedTime(lastMovedAt).TotalSeconds);
                        notifier?.Notify(StalledStatus);
                    }

                    continue;
                }

                if (stalled)
                {
                    stalled = false;
                    WatchdogLog.Resumed(logger, time.GetElapsedTime(lastMovedAt).TotalSeconds);
                    notifier?.Notify(RunningStatus);
                }

                lastBeats = beats;
                lastMovedAt = time.GetTimestamp();
                board?.Kick();
                notifier?.Notify(Fed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // An orderly stop.
        }
        catch (Exception ex)
        {
            // Logged, not rethrown: whoever awaits this at shutdown has nothing better to do with it.
            WatchdogLog.FeederFailed(logger, ex);
        }
    }
}
