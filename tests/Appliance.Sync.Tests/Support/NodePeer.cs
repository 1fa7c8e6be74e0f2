using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Appliance.Sync.Tests.Support;

/// <summary>Runs the grpc-js scripts in tests/Appliance.Sync.Tests/interop as child processes.</summary>
internal static class NodePeer
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static string InteropDirectory { get; } = Path.Combine(SourceDirectory(), "..", "interop");

    public static string ProtoDirectory { get; } =
        Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "firmware", "Appliance.Sync", "Protos"));

    /// <summary>Runs client.js in <paramref name="mode"/> against our server and returns its one-line JSON verdict.</summary>
    public static Task<JsonElement> RunClientAsync(string mode, Uri server) =>
        RunScriptAsync("client.js", mode, $"{server.Host}:{server.Port}", ProtoDirectory);

    /// <summary>Runs report-client.js (head office's side of the box's report service) and returns its verdict.</summary>
    public static Task<JsonElement> RunReportClientAsync(string mode, Uri box, string key, params string[] arguments) =>
        RunScriptAsync("report-client.js", [mode, $"{box.Host}:{box.Port}", ProtoDirectory, key, .. arguments]);

    private static async Task<JsonElement> RunScriptAsync(string script, params string[] arguments)
    {
        var mode = arguments[0];
        using var process = Start(script, arguments);
        using var timeout = new CancellationTokenSource(Limit);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node {script} {mode} exited {process.ExitCode}: {errors}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Starts server.js and returns it with the address it listens on; dispose to stop it.</summary>
    public static async Task<(Process Process, Uri Address)> StartServerAsync()
    {
        var process = Start("server.js", ProtoDirectory);
        using var timeout = new CancellationTokenSource(Limit);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"node server.js did not start: {line} {errors}");
        }

        return (process, new Uri($"http://127.0.0.1:{line[5..]}"));
    }

    public static void Stop(Process process)
    {
        // Closing stdin is the script's signal to shut down; kill only if it does not.
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        process.Dispose();
    }

    private static Process Start(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(InteropDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"Run 'npm ci' in {Path.GetFullPath(InteropDirectory)} first (the test command does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
