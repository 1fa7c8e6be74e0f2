using Appliance.Drivers.Simulated.Internal;
using Appliance.Hal.Watchdog;
using Microsoft.Extensions.Logging;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// A watchdog on the injected clock. It records kicks; if the timeout passes without one it
/// records the expiry, logs it as critical and raises <see cref="Expired"/> (where real hardware
/// would reset the board). After expiring it stays expired until started again.
/// </summary>
public sealed class SimulatedWatchdog : IWatchdog, IDisposable
{
    /// <summary>The shortest timeout accepted (as common watchdog chips).</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The longest timeout accepted.</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(10);

    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private ITimer? _timer;
    private TimeSpan _timeout;
    private DateTimeOffset _deadline;
    private int _kickCount;
    private DateTimeOffset? _lastKickAt;
    private DateTimeOffset? _expiredAt;

    /// <summary>A stopped watchdog on <paramref name="timeProvider"/>'s clock.</summary>
    public SimulatedWatchdog(TimeProvider timeProvider, ILogger<SimulatedWatchdog> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Raised on the timer's thread when the watchdog expires.</summary>
    public event EventHandler? Expired;

    /// <inheritdoc />
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>The timeout last started with.</summary>
    public TimeSpan Timeout => Locked(static w => w._timeout);

    /// <summary>Kicks since the last start.</summary>
    public int KickCount => Locked(static w => w._kickCount);

    /// <summary>When the last kick came; null if none since the last start.</summary>
    public DateTimeOffset? LastKickAt => Locked(static w => w._lastKickAt);

    /// <summary>Whether the timeout passed without a kick since the last start.</summary>
    public bool HasExpired => Locked(static w => w._expiredAt is not null);

    /// <summary>When it expired; null if it has not since the last start.</summary>
    public DateTimeOffset? ExpiredAt => Locked(static w => w._expiredAt);

    /// <inheritdoc />
    public void Start(TimeSpan timeout)
    {
        if (timeout < MinimumTimeout || timeout > MaximumTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                $"The watchdog timeout must be between {MinimumTimeout.TotalSeconds} s and {MaximumTimeout.TotalSeconds} s.");
        }

        lock (_gate)
        {
            _timeout = timeout;
            _kickCount = 0;
            _lastKickAt = null;
            _expiredAt = null;
            _deadline = _timeProvider.GetUtcNow() + timeout;
            _timer ??= _timeProvider.CreateTimer(static state => ((SimulatedWatchdog)state!).OnTimer(), this, System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
            _timer.Change(timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }

        BoardLog.WatchdogStarted(_logger, timeout);
    }

    /// <inheritdoc />
    /// <remarks>A kick after expiry is counted but does not undo it: the board would already have reset.</remarks>
    public void Kick()
    {
        lock (_gate)
        {
            if (_timer is null)
            {
                throw new InvalidOperationException("The watchdog cannot be kicked: it is not running. Call Start first.");
            }

            var now = _timeProvider.GetUtcNow();
            _kickCount++;
            _lastKickAt = now;
            if (_expiredAt is null)
            {
                _deadline = now + _timeout;
                _timer.Change(_timeout, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public void Stop()
    {
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            _timer.Dispose();
            _timer = null;
        }

        BoardLog.WatchdogStopped(_logger);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void OnTimer()
    {
        DateTimeOffset expiredAt;
        DateTimeOffset? lastKick;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();

            if (_timer is null || _expiredAt is not null)
            {
                return;
            }

            // A kick may have raced with this callback, or a coarse timer fired a little early:
            // only a deadline that really passed counts; otherwise wait for the rest.
            if (now < _deadline)
            {
                _timer.Change(_deadline - now, System.Threading.Timeout.InfiniteTimeSpan);
                return;
            }

            _expiredAt = now;
            expiredAt = now;
            lastKick = _lastKickAt;
        }

        BoardLog.WatchdogExpired(_logger, expiredAt, lastKick);
        Expired?.Invoke(this, EventArgs.Empty);
    }

    private T Locked<T>(Func<SimulatedWatchdog, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }
}
