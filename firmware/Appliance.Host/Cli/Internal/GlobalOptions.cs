using System.CommandLine;
using Appliance.Host.Configuration;
using Appliance.Host.Hosting;

namespace Appliance.Host.Cli.Internal;

/// <summary><c>--data</c>, <c>--config</c> and <c>--set</c>, accepted by every verb.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Data directory (database, logs, recordings, control socket); created if missing",
        DefaultValueFactory = _ => "./data",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "JSON configuration file",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one setting, e.g. --set Board:Simulated:LineCount=8 (repeatable; wins over file and environment)",
        HelpName = "Section:Key=value",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Data);
        root.Options.Add(Config);
        root.Options.Add(Set);
    }

    /// <summary>
    /// Turns the global options into a launch, creating the data directory; on failure prints why and gives the exit code.
    /// </summary>
    public async Task<(ApplianceLaunch? Launch, int ExitCode)> TryCreateLaunchAsync(ParseResult parse, CliContext context)
    {
        var console = context.Console;
        try
        {
            var overrides = (parse.GetValue(Set) ?? []).Select(SettingOverride.Parse).ToList();
            var dataDirectory = new ApplianceDataDirectory(parse.GetValue(Data) ?? "./data");
            dataDirectory.EnsureExists();
            var sources = new ApplianceConfigurationSources(parse.GetValue(Config), overrides, console.Environment);
            var launch = new ApplianceLaunch(dataDirectory, sources, console, context.StartTimestamp);
            return (context.CustomizeLaunch?.Invoke(launch) ?? launch, ExitCodes.Ok);
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return (null, ExitCodes.InvalidConfiguration);
        }
        catch (IOException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return (null, ExitCodes.Failure);
        }
    }
}
