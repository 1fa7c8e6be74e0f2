using Appliance.Host.Cli;
using Appliance.Host.Hosting;

namespace Appliance.Host.Tests.Support;

/// <summary>Runs the real CLI entry point in-process with captured output and an injected environment.</summary>
internal static class CliRun
{
    public static async Task<CliResult> InvokeAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string?>? environment = null,
        Func<ApplianceLaunch, ApplianceLaunch>? customizeLaunch = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            TextWriter.Synchronized(output),
            TextWriter.Synchronized(error),
            environment ?? new Dictionary<string, string?>());

        // Host-only by default: these tests check the host's own plumbing, not the telephony wiring in Composition/.
        customizeLaunch ??= launch => launch with { IncludeComposition = false };
        var exitCode = await ApplianceCli.InvokeAsync(args, console, customizeLaunch, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
