using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;

namespace Appliance.Host.Cli.Verbs;

/// <summary><c>appliance version</c>: what this build is and what it runs on.</summary>
internal static class VersionVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the version, runtime, operating system and architecture");
        command.SetAction(async (_, _) =>
        {
            var version = VersionInfo.Current;
            var output = context.Console.Out;
            await output.WriteLineAsync($"appliance {version.Version}");
            await output.WriteLineAsync($"informational version: {version.InformationalVersion}");
            await output.WriteLineAsync($"runtime: {version.Runtime}");
            await output.WriteLineAsync($"os: {version.OperatingSystem}");
            await output.WriteLineAsync($"architecture: {version.Architecture}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
