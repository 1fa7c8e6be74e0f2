using System.Text.Json;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Testing;

namespace Appliance.Host.Tests.Systemd;

/// <summary>The built appliance, every component included, started the way systemd starts a Type=notify unit.</summary>
public sealed class SystemdProcessTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly FakeNotifySocket _systemd;

    public SystemdProcessTests() => _systemd = new FakeNotifySocket(_data);

    public void Dispose()
    {
        _systemd.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Reports_ready_with_lines_sip_and_control_socket_up_feeds_the_watchdog_and_reports_stopping_on_SIGTERM()
    {
        using var appliance = ApplianceProcess.Start(
            ["run", "--data", _data.Path, "--set", "Sip:Transport:ListenAddress=127.0.0.1", "--set", "Sip:Transport:Port=0"],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = _systemd.Path, ["WATCHDOG_USEC"] = "1000000" });

        Assert.Equal("READY=1", await _systemd.ReceiveAsync());

        // Everything READY=1 promises is up the moment it arrives.
        var status = await CliRun.InvokeAsync(["status", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        using (var report = JsonDocument.Parse(status.Output))
        {
            var sections = report.RootElement.GetProperty("sections");
            Assert.True(sections.GetProperty("sip").GetProperty("running").GetBoolean(), status.Output);
            Assert.Equal(4, sections.GetProperty("lines").GetArrayLength());
            Assert.All(sections.GetProperty("lines").EnumerateArray(), line => Assert.Equal("idle", line.GetProperty("status").GetString()));
            Assert.Equal(appliance.Id, report.RootElement.GetProperty("processId").GetInt32());
        }

        // The media clock runs in real time here: half a second between feeds, so two come within moments.
        Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());
        Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());

        await appliance.TerminateAsync();
        var beforeStopping = await _systemd.ReceiveUntilAsync("STOPPING=1");
        Assert.All(beforeStopping, notification => Assert.Equal("WATCHDOG=1", notification)); // feeds already on their way
        Assert.Equal(ExitCodes.Ok, await appliance.WaitForExitAsync());
        Assert.Contains("Appliance stopped", appliance.StandardOutput, StringComparison.Ordinal);
    }
}
