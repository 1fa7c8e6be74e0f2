using System.Diagnostics;
using System.Globalization;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>The phone's process: started under `timeout`, fed on stdin, read on stdout and stderr, quit or killed.</summary>
internal abstract partial class Softphone
{
    private static readonly TimeSpan QuitLimit = TimeSpan.FromSeconds(5);
    private Process? _process;
    private Task _pumps = Task.CompletedTask;

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>Asks the phone to quit (it unregisters first) and waits for it to exit; kills it if it cannot quit politely.</summary>
    public async Task QuitAsync()
    {
        if (HasExited)
        {
            return;
        }

        if (CanQuitPolitely)
        {
            await SendAsync(QuitCommand);
            await _process!.WaitForExitAsync().WaitAsync(QuitLimit);
        }
        else
        {
            _process!.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await QuitAsync();
        }
        catch (Exception error) when (error is TimeoutException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // It would not quit politely: killed below.
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            await _pumps;
            _process.Dispose();
        }

        await DisposeCoreAsync();
        if (Environment.GetEnvironmentVariable("SOFTPHONE_LOG_DIR") is { Length: > 0 } logs)
        {
            // For a look at what the phone saw (its whole SIP trace) after the run.
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{Name.Replace(' ', '-')}-{Path.GetFileName(WorkDirectory)}.log"), Text);
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts <paramref name="program"/> under `timeout` in the work directory, with HOME pointing there too.</summary>
    protected void Start(string program, IEnumerable<string> arguments)
    {
        var executable = SipPeers.Find(program) ?? throw new InvalidOperationException($"{program} is not installed.");
        var info = new ProcessStartInfo(SipPeers.Find("timeout") ?? "timeout")
        {
            WorkingDirectory = WorkDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kill-after=5");
        info.ArgumentList.Add(((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Whatever they keep (linphone's database, pulse cookies, history) stays in the temp directory.
        info.Environment["HOME"] = WorkDirectory;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(WorkDirectory, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(WorkDirectory, ".local", "share");
        _process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        _pumps = Task.WhenAll(PumpAsync(_process.StandardOutput, 0), PumpAsync(_process.StandardError, 1))
            .ContinueWith(_ => Output.Close(), TaskScheduler.Default);
    }

    /// <summary>Writes a line to the phone's stdin.</summary>
    protected async Task WriteLineAsync(string line)
    {
        if (_process is null || _process.HasExited)
        {
            throw new InvalidOperationException($"{Name} is not running.\n{Output.Tail()}");
        }

        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    private async Task PumpAsync(StreamReader reader, int stream)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Output.Append(stream, buffer.AsSpan(0, read));
        }
    }
}
