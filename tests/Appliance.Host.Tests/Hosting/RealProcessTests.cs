using System.Net;
using System.Net.Sockets;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Testing;

namespace Appliance.Host.Tests.Hosting;

/// <summary>The built executable, as technicians and systemd run it.</summary>
public sealed class RealProcessTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Runs_only_on_the_control_socket_refuses_a_second_copy_and_stops_cleanly_on_SIGTERM()
    {
        var port = FreeTcpPort();
        using var appliance = ApplianceProcess.Start(
            ["--data", _data.Path],
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_HTTP_PORTS"] = $"{port}" });
        await appliance.WaitUntilReadyAsync();

        var status = await CliRun.InvokeAsync(["status", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains($"\"processId\": {appliance.Id}", status.Output, StringComparison.Ordinal);
        Assert.False(Answers(port), "nothing may listen on TCP, whatever ASPNETCORE_URLS says");
        Assert.False(Answers(5000), "nothing may listen on Kestrel's default port");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_data.SocketPath));

        var second = await ApplianceProcess.RunVerbAsync("run", "--data", _data.Path);
        Assert.Equal(ExitCodes.Failure, second.ExitCode);
        Assert.Contains($"an appliance is already running on {_data.Path} (pid {appliance.Id})", second.StdErr, StringComparison.Ordinal);

        await appliance.TerminateAsync();
        Assert.Equal(ExitCodes.Ok, await appliance.WaitForExitAsync());
        Assert.Contains("Appliance stopped", appliance.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.SocketPath));
    }

    [Fact]
    public async Task After_SIGKILL_the_next_start_clears_the_stale_socket()
    {
        using (var killed = ApplianceProcess.Start(["run", "--data", _data.Path]))
        {
            await killed.WaitUntilReadyAsync();
            killed.Kill();
            await killed.WaitForExitAsync();
        }

        Assert.True(File.Exists(_data.SocketPath), "SIGKILL leaves the socket file behind");

        using var restarted = ApplianceProcess.Start(["run", "--data", _data.Path]);
        await restarted.WaitUntilReadyAsync();

        Assert.Contains("Removed stale control socket", restarted.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["status", "--data", _data.Path])).ExitCode);
        await restarted.TerminateAsync();
        Assert.Equal(ExitCodes.Ok, await restarted.WaitForExitAsync());
    }

    [Fact]
    public async Task Config_check_of_the_full_build_accepts_the_defaults_and_names_a_bad_environment_setting()
    {
        var good = await ApplianceProcess.RunVerbAsync("config", "check", "--data", _data.Path);
        var bad = await ApplianceProcess.RunVerbAsync(
            new Dictionary<string, string> { ["APPLIANCE_Board__Driver"] = "fxo" },
            "config", "check", "--data", _data.Path);

        Assert.Equal(ExitCodes.Ok, good.ExitCode);
        Assert.Equal("configuration OK", good.StdOut.Trim());
        Assert.Equal(ExitCodes.InvalidConfiguration, bad.ExitCode);
        Assert.Contains("Board:Driver: 'fxo' is not available in this build (available: simulated)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_start_fails_the_launcher_with_the_appliance_own_explanation()
    {
        // The shared launcher must surface why the box would not start, not just time out.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ApplianceProcess.StartAsync(_data.Path, "--set", "Board:Simulated:LineCount=0"));

        Assert.StartsWith("The appliance did not become ready", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Board:Simulated:LineCount", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.SocketPath));
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Answers(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
