using System.Globalization;
using Appliance.Drivers.Simulated;
using Appliance.Hal.Boards;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Hosting;
using Appliance.Host.Tests.Support;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Systemd;

/// <summary>
/// The appliance as a Type=notify service: real sd_notify datagrams to a socket standing in for systemd, the appliance
/// in-process on the manual clock with a real media clock and simulated board, so the watchdog's cadence is counted exactly.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SystemdNotifyTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly TempDataDirectory _data = new();
    private readonly ManualTimeProvider _time = new();
    private readonly FakeNotifySocket _systemd;
    private readonly MediaClock _clock;
    private readonly SimulatedBoard _board;
    private readonly StallableHandler _stall = new();

    public SystemdNotifyTests()
    {
        _systemd = new FakeNotifySocket(_data);
        _clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        _clock.Register(_stall);
        _clock.Start();
        _board = new SimulatedBoard(Options.Create(new SimulatedBoardOptions()), _time, NullLoggerFactory.Instance);
    }

    private static string ThisProcess => Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _board.Dispose();
        _clock.Dispose();
        _systemd.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Ready_is_sent_only_once_every_component_has_started_and_stopping_when_the_appliance_stops()
    {
        using var variables = new SystemdVariables(_systemd.Path);
        var lastComponent = new GatedStart();
        var starting = InProcessAppliance.StartAsync(_data, services => services.AddHostedService(_ => lastComponent));

        await lastComponent.Entered.Task.WaitAsync(Limit);
        Assert.False(_systemd.HasPending, "READY=1 came while a component was still starting");
        lastComponent.Release.SetResult();
        await using var appliance = await starting;

        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        Assert.Contains("\"processId\"", await appliance.Client.GetStatusJsonAsync(), StringComparison.Ordinal);

        var result = await appliance.StopAsync();
        Assert.Equal("STOPPING=1", await _systemd.ReceiveAsync());
        Assert.False(_systemd.HasPending);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task While_the_media_clock_moves_the_watchdog_is_fed_once_every_half_interval()
    {
        using var variables = new SystemdVariables(_systemd.Path, "2000000", ThisProcess);
        await using var appliance = await StartAsync();
        Assert.Equal("READY=1", await _systemd.ReceiveAsync());

        for (var feed = 1; feed <= 3; feed++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(999));
            Assert.False(_systemd.HasPending, $"feed {feed} came before half the interval");
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());
        }

        Assert.False(_systemd.HasPending);
        Assert.Contains("Feeding the systemd watchdog every 1 s", (await appliance.StopAsync()).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_media_clock_stops_feeding_both_watchdogs_and_feeding_resumes_when_it_moves_again()
    {
        using var variables = new SystemdVariables(_systemd.Path, "4000000");
        await using var appliance = await StartAsync("Watchdog:BoardTimeoutSeconds=4");
        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        Assert.True(_board.Watchdog.IsRunning);
        Assert.Equal(TimeSpan.FromSeconds(4), _board.Watchdog.Timeout);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());
        Assert.Equal(1, _board.Watchdog.KickCount);

        // A handler hangs inside a tick: the clock's timer finds the tick still running and skips, as it would for real.
        var stuckTick = await _stall.StallAsync(_clock);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("STATUS=Media clock stalled: watchdog not fed", await _systemd.ReceiveAsync());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_board.Watchdog.HasExpired, "the board's watchdog was kicked while the media clock stood still");
        Assert.Equal(1, _board.Watchdog.KickCount);

        _stall.Release();
        await stuckTick.WaitAsync(Limit);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["STATUS=Running"], await _systemd.ReceiveUntilAsync("WATCHDOG=1"));
        Assert.Equal(2, _board.Watchdog.KickCount);

        var result = await appliance.StopAsync();
        Assert.Equal("STOPPING=1", await _systemd.ReceiveAsync());
        Assert.False(_board.Watchdog.IsRunning, "an orderly stop disarms the board's watchdog");
        Assert.Contains("The media clock has not moved for 2 s", result.Output, StringComparison.Ordinal);
        Assert.Contains("The media clock moves again after a stall of 6 s", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonexistent/notify.sock")]
    [InlineData("not-a-socket-path")]
    [InlineData("@")]
    [InlineData("/tmp/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.sock")]
    [InlineData("{regular file}")]
    public async Task A_notify_socket_that_leads_nowhere_is_logged_once_and_the_box_serves_on(string notifySocket)
    {
        notifySocket = notifySocket.Replace("{regular file}", _data.WriteFile("plain.txt", "not a socket"), StringComparison.Ordinal);
        using var variables = new SystemdVariables(notifySocket, "2000000");
        await using var appliance = await StartAsync();

        _time.Advance(TimeSpan.FromSeconds(3)); // three watchdog feeds that cannot be delivered either
        Assert.Contains("\"processId\"", await appliance.Client.GetStatusJsonAsync(), StringComparison.Ordinal);
        var result = await appliance.StopAsync();

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Single(result.Output.Split('\n'), line => line.Contains("Could not send", StringComparison.Ordinal));
        Assert.Contains($"Could not send READY=1 to systemd on {notifySocket}", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon", null, "WATCHDOG_USEC 'soon' is not a positive number of microseconds")]
    [InlineData("0", null, "WATCHDOG_USEC '0' is not a positive number of microseconds")]
    [InlineData("-2000000", null, "WATCHDOG_USEC '-2000000' is not a positive number of microseconds")]
    [InlineData("2000000", "1", "WATCHDOG_PID 1 is another process")]
    [InlineData("2000000", "pid", "WATCHDOG_PID 'pid' is not a process id")]
    public async Task Watchdog_variables_that_do_not_apply_are_reported_and_nothing_is_fed(string interval, string? processId, string reason)
    {
        using var variables = new SystemdVariables(_systemd.Path, interval, processId);
        await using var appliance = await StartAsync();
        Assert.Equal("READY=1", await _systemd.ReceiveAsync());

        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await appliance.StopAsync();

        Assert.Equal("STOPPING=1", await _systemd.ReceiveAsync());
        Assert.False(_systemd.HasPending);
        Assert.Contains("The systemd watchdog is not fed: " + reason, result.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    private Task<InProcessAppliance> StartAsync(params string[] settings) =>
        InProcessAppliance.StartAsync(
            _data,
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton(_clock);
                services.AddSingleton<IApplianceHeartbeat>(new MediaClockHeartbeat(_clock));
                services.AddSingleton<IBoard>(_board);
            },
            [.. settings.SelectMany(setting => new[] { "--set", setting })]);

    /// <summary>A component whose start the test holds until it lets it go.</summary>
    private sealed class GatedStart : IHostedService
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            Entered.SetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
