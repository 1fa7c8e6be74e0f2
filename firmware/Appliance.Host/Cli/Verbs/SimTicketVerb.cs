using System.CommandLine;
using System.Text.Json;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance sim ticket</c>: creates tickets in the running appliance (each queued for head office with it) and prints
/// their ids as JSON. Exit 0 when all were stored, 4 for a bad value, 1 when an id is already used (nothing after it is created).
/// </summary>
internal static class SimTicketVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var prefix = new Option<string>("--prefix") { Description = "Start of every ticket id", Required = true, HelpName = "TEXT" };
        var count = new Option<int>("--count") { Description = "How many tickets", DefaultValueFactory = _ => 1, HelpName = "N" };
        var first = new Option<int>("--first") { Description = "Number of the first ticket", DefaultValueFactory = _ => 1, HelpName = "N" };
        var type = new Option<string>("--type") { Description = "Business category", DefaultValueFactory = _ => "enquiry", HelpName = "TEXT" };
        var ticket = new Command("ticket", "Create tickets (synced to head office) and print their ids") { prefix, count, first, type };
        ticket.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            var request = new SimTicketRequest(parse.GetValue(prefix)!, parse.GetValue(count), parse.GetValue(first), parse.GetValue(type)!);
            if (SimTicketRequestValidation.Validate(request) is { } problem)
            {
                await context.Console.Error.WriteLineAsync(problem);
                return ExitCodes.RequestRefused;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var result = await client.CreateSimulatedTicketsAsync(request, TimeSpan.FromMinutes(5), cancellationToken);
                await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, ControlJson.IndentedOptions));
                return ExitCodes.Ok;
            });
        });
        return ticket;
    }
}
