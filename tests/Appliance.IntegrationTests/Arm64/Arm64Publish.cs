using System.Diagnostics;

namespace Appliance.IntegrationTests.Arm64;

/// <summary>
/// The self-contained linux-arm64 publish of the appliance, run under qemu user-mode emulation with Debian's arm64
/// C library (packages qemu-user, libc6-arm64-cross, libstdc++6-arm64-cross, libgcc-s1-arm64-cross; tests/run-all.sh
/// installs them). tests/run-all.sh publishes once and names the folder in APPLIANCE_ARM64_DIR; without it the fixture
/// publishes into a temporary folder itself, so the test also works from a plain <c>dotnet test</c>.
/// </summary>
public sealed class Arm64Publish : IAsyncLifetime
{
    private const string Emulator = "qemu-aarch64";
    private const string Sysroot = "/usr/aarch64-linux-gnu";
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan VerbLimit = TimeSpan.FromMinutes(2);
    private string? _ownFolder;

    /// <summary>The folder holding the arm64 <c>appliance</c> executable.</summary>
    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        RequireTool(Emulator);
        if (!File.Exists(Path.Combine(Sysroot, "lib", "ld-linux-aarch64.so.1")))
        {
            throw new InvalidOperationException($"No arm64 C library under {Sysroot}: install libc6-arm64-cross, libstdc++6-arm64-cross and libgcc-s1-arm64-cross (tests/run-all.sh does).");
        }

        if (Environment.GetEnvironmentVariable("APPLIANCE_ARM64_DIR") is { Length: > 0 } published)
        {
            Folder = published;
            return;
        }

        _ownFolder = Path.Combine(Path.GetTempPath(), "appliance-arm64-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepositoryRoot(), "firmware", "Appliance.Host", "Appliance.Host.csproj");
        var (exitCode, output) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", "linux-arm64", "--self-contained", "-o", _ownFolder, "-nologo"], PublishLimit);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish -r linux-arm64 failed:\n" + output);
        }

        Folder = _ownFolder;
    }

    public Task DisposeAsync()
    {
        if (_ownFolder is not null && Directory.Exists(_ownFolder))
        {
            Directory.Delete(_ownFolder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs the arm64 <c>appliance</c> with <paramref name="arguments"/> under qemu; returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunApplianceAsync(params string[] arguments)
        => RunAsync(Emulator, ["-L", Sysroot, Path.Combine(Folder, "appliance"), .. arguments], VerbLimit);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("APPLIANCE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} ran longer than {limit}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static void RequireTool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));
        if (!found)
        {
            throw new InvalidOperationException($"{name} is not installed: install qemu-user (tests/run-all.sh does).");
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
}
