using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Appliance.Testing.Internal;

namespace Appliance.Testing;

/// <summary>
/// The built <c>appliance</c> executable run as a real child process (<c>dotnet appliance.dll …</c>), as technicians
/// and systemd run it. Waits on the process's own output ("Appliance ready in N ms"), never on timers; the limits below
/// only stop a hung appliance from hanging the test run.
/// </summary>
public sealed partial class ApplianceProcess : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan ReadyOrExitLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan VerbLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApplianceProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => OnLine(line.Data, fromStandardOutput: true);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data, fromStandardOutput: false);
        process.Exited += (_, _) => _ready.TrySetException(
            new InvalidOperationException($"the appliance exited with {process.ExitCode}:\n{Output}"));
    }

    /// <summary>The appliance.dll these tests run (see APPLIANCE_DLL).</summary>
    public static string ApplianceDll => ApplianceLaunch.DllPath;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, standard output and error interleaved as they arrived.</summary>
    public string Output => Read(_output);

    /// <summary>Only what the process wrote to standard output so far.</summary>
    public string StandardOutput => Read(_standardOutput);

    /// <summary>Starts the appliance with exactly <paramref name="arguments"/>; does not wait for it to be ready.</summary>
    public static ApplianceProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = new Process { StartInfo = ApplianceLaunch.StartInfo(arguments, environment), EnableRaisingEvents = true };
        var appliance = new ApplianceProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appliance;
    }

    /// <summary>Starts `appliance run --data <paramref name="dataDirectory"/> …` and waits for its ready line.</summary>
    /// <exception cref="InvalidOperationException">It exited or stayed silent instead; the message holds its output.</exception>
    public static async Task<ApplianceProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var appliance = Start(["run", "--data", dataDirectory, .. extraArguments]);
        try
        {
            await appliance.WaitUntilReadyAsync();
            return appliance;
        }
        catch (Exception failure) when (failure is InvalidOperationException or TimeoutException)
        {
            await appliance.DisposeAsync();
            throw new InvalidOperationException("The appliance did not become ready:\n" + appliance.Output, failure);
        }
    }

    /// <summary>Runs a verb to completion and returns its exit code and its two output streams.</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunVerbAsync(params string[] arguments) =>
        RunVerbAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs a verb to completion with extra environment variables (APPLIANCE_* of the test runner are removed).</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunVerbAsync(
        IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = new Process { StartInfo = ApplianceLaunch.StartInfo(arguments, environment) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(VerbLimit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits for "Appliance ready in N ms" on its output and returns N.</summary>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    public Task<long> WaitUntilReadyAsync() => _ready.Task.WaitAsync(ReadyOrExitLimit);

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(ReadyOrExitLimit);
        _process.WaitForExit(); // Drains the redirected streams, so Output holds the last lines too.
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd stops the service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: no chance to clean up.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(); // Also drains the redirected streams, so Output is complete.
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(); // Also drains the redirected streams, so Output is complete.
        _process.Dispose();
    }

    private string Read(StringBuilder builder)
    {
        lock (_gate)
        {
            return builder.ToString();
        }
    }

    private void OnLine(string? line, bool fromStandardOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            if (fromStandardOutput)
            {
                _standardOutput.AppendLine(line);
            }
        }

        var ready = ReadyLine().Match(line);
        if (ready.Success)
        {
            _ready.TrySetResult(long.Parse(ready.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Appliance ready in (\d+) ms")]
    private static partial Regex ReadyLine();
}
