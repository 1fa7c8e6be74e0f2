using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary><c>appliance status</c>: asks the running appliance and prints its status as indented JSON.</summary>
internal static class StatusVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("status", "Print the running appliance's status as JSON (exit 1 when none is running)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var json = await client.GetStatusJsonAsync(cancellationToken);
                await context.Console.Out.WriteLineAsync(ControlJson.Indent(json));
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
