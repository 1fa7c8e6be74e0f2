using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Configuration;
using Appliance.Host.Hosting.Internal;
using Appliance.Host.Logging;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance config check</c>: builds the appliance exactly as <c>run</c> would, without starting anything, and
/// validates every registered options class.
/// </summary>
internal static class ConfigCheckVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var check = new Command("check", "Load and validate the configuration as 'run' would; exit 0 when valid, 2 when not");
        check.SetAction((parse, _) => ExecuteAsync(global, context, parse));
        var config = new Command("config", "Configuration tools");
        config.Subcommands.Add(check);
        config.Subcommands.Add(ConfigDocumentVerbs.Export(global, context));
        config.Subcommands.Add(ConfigDocumentVerbs.Import(global, context));
        return config;
    }

    private static async Task<int> ExecuteAsync(GlobalOptions global, CliContext context, ParseResult parse)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        if (launch is null)
        {
            return exitCode;
        }

        var console = context.Console;
        Microsoft.AspNetCore.Builder.WebApplicationBuilder builder;
        try
        {
            builder = ApplianceHostFactory.CreateBuilder(launch);
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.InvalidConfiguration;
        }

        var failures = new SortedSet<string>(SerilogSetup.ValidateLevels(builder.Configuration), StringComparer.OrdinalIgnoreCase);
        await using (var app = ApplianceHostFactory.Build(builder, launch))
        {
            failures.UnionWith(ApplianceOptionsValidation.Validate(app.Services));
        }

        if (failures.Count > 0)
        {
            await console.WriteFailuresAsync(failures);
            return ExitCodes.InvalidConfiguration;
        }

        await console.Out.WriteLineAsync("configuration OK");
        return ExitCodes.Ok;
    }
}
