using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Hosting.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary><c>appliance run</c> (also what <c>appliance</c> alone does): start the appliance and serve until stopped.</summary>
internal static class RunVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("run", "Start the appliance (the default when no verb is given)");
        command.SetAction((parse, cancellationToken) => ExecuteAsync(global, context, parse, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(GlobalOptions global, CliContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        return launch is null ? exitCode : await ApplianceRunner.RunAsync(launch, cancellationToken);
    }
}
