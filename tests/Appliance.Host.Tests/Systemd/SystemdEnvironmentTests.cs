using Appliance.Host.Hosting.Internal;

namespace Appliance.Host.Tests.Systemd;

public sealed class SystemdEnvironmentTests
{
    private const int ThisProcess = 4242;

    [Theory]
    [InlineData("30000000", null, 15_000)] // WatchdogSec=30s: feed every 15 s
    [InlineData("30000000", "4242", 15_000)]
    [InlineData("3", null, 1)] // below what a timer can do: as often as it can
    [InlineData("18446744073709551615", null, 86_400_000)] // absurdly long: still once a day
    public void Feeds_at_half_the_interval_systemd_asks_for(string microseconds, string? processId, long expectedMilliseconds)
    {
        var environment = new SystemdEnvironment("/run/systemd/notify", microseconds, processId);

        var period = environment.WatchdogFeedPeriod(ThisProcess, out var problem);

        Assert.Null(problem);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), period);
    }

    [Theory]
    [InlineData("/run/systemd/notify", null, null, null)] // no watchdog asked for: nothing to say
    [InlineData(null, null, null, null)]
    [InlineData("/run/systemd/notify", "", null, null)]
    [InlineData("/run/systemd/notify", "1.5", null, "WATCHDOG_USEC '1.5' is not a positive number of microseconds")]
    [InlineData("/run/systemd/notify", "99999999999999999999", null, "WATCHDOG_USEC '99999999999999999999' is not a positive number")]
    [InlineData("/run/systemd/notify", "30000000", "4243", "WATCHDOG_PID 4243 is another process (this is 4242)")]
    [InlineData("/run/systemd/notify", "30000000", " 4242", "WATCHDOG_PID ' 4242' is not a process id")]
    [InlineData(null, "30000000", null, "WATCHDOG_USEC is set but NOTIFY_SOCKET is not")]
    [InlineData("", "30000000", "4242", "WATCHDOG_USEC is set but NOTIFY_SOCKET is not")]
    public void Does_not_feed_when_the_variables_do_not_ask_this_process_to(
        string? notifySocket, string? microseconds, string? processId, string? expectedProblem)
    {
        var environment = new SystemdEnvironment(notifySocket, microseconds, processId);

        var period = environment.WatchdogFeedPeriod(ThisProcess, out var problem);

        Assert.Null(period);
        if (expectedProblem is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(expectedProblem, problem, StringComparison.Ordinal);
        }
    }
}
