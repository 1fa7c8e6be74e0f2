using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance ticket create|update|show|list</c>: complaint tickets in the running appliance, through the control API.
/// Prints the ticket as JSON. Exit 0 done, 4 refused (bad value or status change), 1 for an unknown id or a stale revision.
/// </summary>
internal static class TicketVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var ticket = new Command("ticket", "Complaint tickets: create, update, show, list");
        ticket.Subcommands.Add(CreateVerb(global, context));
        ticket.Subcommands.Add(UpdateVerb(global, context));
        ticket.Subcommands.Add(ShowVerb(global, context));
        ticket.Subcommands.Add(ListVerb(global, context));
        return ticket;
    }

    private static Command CreateVerb(GlobalOptions global, CliContext context)
    {
        var category = Text("--category", "Business category, e.g. card-fee", required: true);
        var sub = Text("--sub-category", "Sub-category");
        var customer = Text("--customer", "The caller's phone number", required: true);
        var name = Text("--name", "The customer's name");
        var account = Text("--account", "The account, masked (622202******1234)");
        var channel = new Option<string>("--channel") { Description = "How it came in", DefaultValueFactory = _ => "phone", HelpName = "TEXT" };
        var description = Text("--description", "What the customer complains about", required: true);
        var call = Text("--call", "The call id it was taken on");
        var agent = Text("--agent", "The agent opening it", required: true);
        var command = new Command("create", "Open a complaint ticket") { category, sub, customer, name, account, channel, description, call, agent };
        Run(command, global, context, (parse, client, token) => client.CreateTicketAsync(new TicketCreateRequest(
            parse.GetValue(category)!, parse.GetValue(customer)!, parse.GetValue(channel)!, parse.GetValue(description)!, parse.GetValue(agent),
            parse.GetValue(sub), parse.GetValue(name), parse.GetValue(account), parse.GetValue(call)), token));
        return command;
    }

    private static Command UpdateVerb(GlobalOptions global, CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The ticket id" };
        var revision = new Option<int>("--revision") { Description = "The revision the change is based on", Required = true, HelpName = "N" };
        var agent = Text("--agent", "Who changes it", required: true);
        var status = Text("--status", "dispatched, in-progress, resolved, confirmed, closed or reopened");
        var department = Text("--department", "On dispatch: a department other than the category's");
        var score = new Option<int?>("--satisfaction") { Description = "On confirmation: the customer's score 1-5", HelpName = "1-5" };
        var note = Text("--note", "Text appended to the ticket");
        var command = new Command("update", "Change a complaint ticket") { id, revision, agent, status, department, score, note };
        Run(command, global, context, (parse, client, token) => client.UpdateTicketAsync(parse.GetValue(id)!, new TicketUpdateRequest(
            parse.GetValue(revision), parse.GetValue(agent), parse.GetValue(status), parse.GetValue(department), parse.GetValue(score), parse.GetValue(note)), token));
        return command;
    }

    private static Command ShowVerb(GlobalOptions global, CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The ticket id" };
        var command = new Command("show", "Show a complaint ticket and its history") { id };
        Run(command, global, context, (parse, client, token) => client.GetTicketAsync(parse.GetValue(id)!, token));
        return command;
    }

    private static Command ListVerb(GlobalOptions global, CliContext context)
    {
        var status = Text("--status", "Only tickets in this status");
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("list", "List complaint tickets") { status, limit };
        Run(command, global, context, (parse, client, token) => client.ListTicketsAsync(parse.GetValue(status), parse.GetValue(limit), token));
        return command;
    }

    private static Option<string> Text(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required, HelpName = "TEXT" };

    private static void Run(Command command, GlobalOptions global, CliContext context, Func<ParseResult, ControlClient, CancellationToken, Task<string>> send) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                await context.Console.Out.WriteLineAsync(ControlJson.Indent(await send(parse, client, cancellationToken)));
                return ExitCodes.Ok;
            });
        });
}
