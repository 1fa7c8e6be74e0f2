using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Appliance.Host.Tests.Support;

/// <summary>The built <c>appliance</c> executable run as a real process (<c>dotnet appliance.dll …</c>).</summary>
internal sealed partial class ApplianceProcess : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApplianceProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            lock (_error)
            {
                _error.AppendLine(line.Data);
            }
        };
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"the appliance exited with {process.ExitCode}: {Output} {Error}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "appliance.dll");

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static ApplianceProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's own environment must not leak settings into the appliance under test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("APPLIANCE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        return new ApplianceProcess(process);
    }

    /// <summary>Runs a verb to completion.</summary>
    public static async Task<CliResult> RunToEndAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        var exitCode = await process.WaitForExitAsync();
        return new CliResult(exitCode, process.Output, process.Error);
    }

    /// <summary>Waits for "Appliance ready in N ms" on stdout and returns N.</summary>
    public Task<long> WaitUntilReadyAsync() => _ready.Task.WaitAsync(Limit);

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Limit);
        _process.WaitForExit(); // Drains the redirected streams.
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd stops the service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: no chance to clean up.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var ready = ReadyLine().Match(line);
        if (ready.Success)
        {
            _ready.TrySetResult(long.Parse(ready.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Appliance ready in (\d+) ms")]
    private static partial Regex ReadyLine();
}
