using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Appliance.IntegrationTests;

/// <summary>
/// The real appliance as a child process on its own data directory, started the way README says, with helpers to
/// run its other verbs against it. Waits on the process's own output, never on timers.
/// </summary>
internal sealed class ApplianceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApplianceProcess(string dataDirectory, Process process)
    {
        DataDirectory = dataDirectory;
        _process = process;
    }

    public string DataDirectory { get; }

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

    public bool HasExited => _process.HasExited;

    /// <summary>Starts `appliance run` and waits for its ready line.</summary>
    public static async Task<ApplianceProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var process = new Process { StartInfo = StartInfo(["run", "--data", dataDirectory, .. extraArguments]) };
        var appliance = new ApplianceProcess(dataDirectory, process);
        process.OutputDataReceived += (_, e) => appliance.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => appliance.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(appliance._ready.Task, exited, Task.Delay(StartLimit));
        if (first != appliance._ready.Task)
        {
            await appliance.DisposeAsync();
            throw new InvalidOperationException("The appliance did not become ready:\n" + appliance.Output);
        }

        return appliance;
    }

    /// <summary>Runs another verb to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunVerbAsync(params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(arguments) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The appliance's resident memory in kilobytes, from /proc.</summary>
    public long ResidentKilobytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The built appliance.dll beside the repo's Host project, for the same configuration as these tests.</summary>
    public static string ApplianceDll
    {
        get
        {
            if (Environment.GetEnvironmentVariable("APPLIANCE_DLL") is { Length: > 0 } overridden)
            {
                return overridden;
            }

            var configuration = typeof(ApplianceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var root = RepositoryRoot();
            return Path.Combine(root, "firmware", "Appliance.Host", "bin", configuration, "net10.0", "appliance.dll");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Appliance.sln not found above " + AppContext.BaseDirectory);
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApplianceDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Tests must not inherit a developer's overrides.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("APPLIANCE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        return info;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Appliance ready in", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
