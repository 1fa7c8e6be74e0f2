using System.Net.Sockets;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Hosting;

public sealed class SingleInstanceTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_socket_left_by_a_killed_appliance_is_removed_and_the_appliance_starts()
    {
        LeaveDeadSocket();

        await using var appliance = await InProcessAppliance.StartAsync(_data);
        var status = await appliance.Client.GetStatusJsonAsync();
        var result = await appliance.StopAsync();

        Assert.Contains(_data.Path, status, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"Removed stale control socket {_data.SocketPath}: nothing answered on it", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_appliance_on_the_same_data_directory_is_refused_and_the_first_keeps_running()
    {
        await using var first = await InProcessAppliance.StartAsync(_data);

        var second = await CliRun.InvokeAsync(["run", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Failure, second.ExitCode);
        Assert.Equal($"an appliance is already running on {_data.Path} (pid {Environment.ProcessId})", second.Error.Trim());
        Assert.DoesNotContain("Appliance ready", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_data.SocketPath));
        Assert.Contains("\"processId\"", await first.Client.GetStatusJsonAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_program_answering_on_the_socket_path_is_left_alone()
    {
        using var squatter = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        squatter.Bind(new UnixDomainSocketEndPoint(_data.SocketPath));
        squatter.Listen();

        var result = await CliRun.InvokeAsync(["run", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"an appliance is already running on {_data.Path}: another process answers on {_data.SocketPath}", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_data.SocketPath));
    }

    [Fact]
    public async Task After_a_clean_stop_the_socket_is_gone_and_status_says_nothing_is_running()
    {
        var appliance = await InProcessAppliance.StartAsync(_data);
        await appliance.DisposeAsync();

        var status = await CliRun.InvokeAsync(["status", "--data", _data.Path]);

        Assert.False(File.Exists(_data.SocketPath));
        Assert.Equal(ExitCodes.Failure, status.ExitCode);
        Assert.Equal(
            $"no appliance is running on {_data.Path}: there is no control socket at {_data.SocketPath}",
            status.Error.Trim());
        Assert.Empty(status.Output);
    }

    [Fact]
    public async Task Status_against_a_stale_socket_says_nothing_is_running()
    {
        LeaveDeadSocket();

        var status = await CliRun.InvokeAsync(["status", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Failure, status.ExitCode);
        Assert.StartsWith($"no appliance is running on {_data.Path}: nothing answers on {_data.SocketPath}", status.Error, StringComparison.Ordinal);
    }

    // What a SIGKILLed appliance leaves: a socket file nobody listens on. .NET unlinks a socket's path when the socket
    // is disposed, so bind elsewhere and rename the file into place first.
    private void LeaveDeadSocket()
    {
        var elsewhere = _data.File("dead.sock");
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(elsewhere));
            File.Move(elsewhere, _data.SocketPath);
        }

        Assert.True(File.Exists(_data.SocketPath));
    }
}
