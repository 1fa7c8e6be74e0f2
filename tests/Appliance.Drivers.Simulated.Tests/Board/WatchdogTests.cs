using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Drivers.Simulated.Tests.Board;

public sealed class WatchdogTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly SimulatedWatchdog _watchdog;

    public WatchdogTests()
    {
        _watchdog = new SimulatedWatchdog(_time, NullLogger<SimulatedWatchdog>.Instance);
    }

    [Fact]
    public void Kicks_in_time_keep_it_from_expiring()
    {
        var expiries = 0;
        _watchdog.Expired += (_, _) => expiries++;
        _watchdog.Start(TimeSpan.FromSeconds(5));

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(4.9));
            _watchdog.Kick();
        }

        Assert.Equal(0, expiries);
        Assert.False(_watchdog.HasExpired);
        Assert.Equal(10, _watchdog.KickCount);
        Assert.Equal(_time.GetUtcNow(), _watchdog.LastKickAt);
        Assert.True(_watchdog.IsRunning);
    }

    [Fact]
    public void It_expires_exactly_one_timeout_after_the_last_kick_and_only_once()
    {
        var expiries = 0;
        _watchdog.Expired += (_, _) => expiries++;
        _watchdog.Start(TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(3));
        _watchdog.Kick();
        var kickedAt = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromSeconds(4.999));
        Assert.False(_watchdog.HasExpired);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, expiries);
        Assert.Equal(kickedAt + TimeSpan.FromSeconds(5), _watchdog.ExpiredAt);

        _watchdog.Kick(); // too late: the board would have reset
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(_watchdog.HasExpired);
        Assert.Equal(1, expiries);
    }

    [Fact]
    public void Stopping_disarms_it_and_starting_again_clears_the_record()
    {
        _watchdog.Start(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(_watchdog.HasExpired);

        _watchdog.Start(TimeSpan.FromSeconds(2));
        Assert.False(_watchdog.HasExpired);
        Assert.Equal(0, _watchdog.KickCount);
        _watchdog.Stop();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(_watchdog.IsRunning);
        Assert.False(_watchdog.HasExpired);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Bad_use_is_refused()
    {
        Assert.Contains("not running", Assert.Throws<InvalidOperationException>(_watchdog.Kick).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _watchdog.Start(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => _watchdog.Start(TimeSpan.FromHours(1)));
        Assert.False(_watchdog.IsRunning);
    }
}
