using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance campaign create|import|start|pause|status|accept|skip|result|dnc add</c>: outbound campaigns in the
/// running appliance. Each prints the appliance's JSON answer; exit 4 when it refused the request (the reason on stderr).
/// </summary>
internal static class CampaignVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var campaign = new Command("campaign", "Outbound campaigns: create, import a CSV list, start, pause, status, do-not-call list");
        campaign.Subcommands.Add(CreateVerb(global, context));
        var file = new Argument<FileInfo>("FILE") { Description = "CSV list with a header naming 'number' (and 'name'), UTF-8 or GBK" };
        file.AcceptExistingOnly();
        campaign.Subcommands.Add(NameVerb(global, context, "import", "Import a contact list (all or nothing)", [file], (c, name, parse, token) =>
            c.ImportCampaignContactsAsync(name, File.ReadAllBytes(parse.GetValue(file)!.FullName), token)));
        foreach (var (verb, description) in new[]
                 {
                     ("start", "Start or resume dialling"), ("pause", "Stop taking new contacts"),
                     ("accept", "Preview: dial the contact on offer"), ("skip", "Preview: skip the contact on offer"),
                 })
        {
            campaign.Subcommands.Add(NameVerb(global, context, verb, description, [], (c, name, _, token) => c.ChangeCampaignAsync(name, verb, token)));
        }

        campaign.Subcommands.Add(NameVerb(global, context, "status", "The campaign's contacts, attempts and results", [], (c, name, _, token) => c.GetCampaignAsync(name, token)));
        var number = new Argument<string>("NUMBER") { Description = "The contact's number" };
        var code = new Argument<string>("CODE") { Description = "Result code (e.g. sale, not-interested)" };
        campaign.Subcommands.Add(NameVerb(global, context, "result", "Set a contact's result code", [number, code], (c, name, parse, token) =>
            c.SetCampaignResultAsync(name, new CampaignContactRequest(parse.GetValue(number)!, parse.GetValue(code)), token)));
        var dnc = new Command("dnc", "The do-not-call list");
        var dncNumber = new Argument<string>("NUMBER") { Description = "Number never to dial" };
        var add = new Command("add", "Put a number on the do-not-call list") { dncNumber };
        add.SetAction((parse, token) => RunAsync(global, context, parse, c => c.AddDoNotCallAsync(new CampaignContactRequest(parse.GetValue(dncNumber)!), token)));
        dnc.Subcommands.Add(add);
        campaign.Subcommands.Add(dnc);
        return campaign;
    }

    private static Command CreateVerb(GlobalOptions global, CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Campaign name" };
        var queue = new Option<string>("--queue") { Description = "Queue whose agents take the calls", Required = true };
        var mode = new Option<string>("--mode") { Description = "progressive or preview", DefaultValueFactory = _ => "progressive" };
        var hours = new Option<string>("--hours") { Description = "Calling hours HH:MM-HH:MM, branch time", DefaultValueFactory = _ => "09:00-18:00" };
        var attempts = new Option<int>("--attempts") { Description = "Attempts per contact (1-3)", DefaultValueFactory = _ => 3 };
        var busy = new Option<int>("--retry-busy") { Description = "Seconds before retrying a busy number", DefaultValueFactory = _ => 600 };
        var noAnswer = new Option<int>("--retry-no-answer") { Description = "Seconds before retrying an unanswered number", DefaultValueFactory = _ => 1800 };
        var congestion = new Option<int>("--retry-congestion") { Description = "Seconds before retrying after congestion", DefaultValueFactory = _ => 300 };
        var ring = new Option<int>("--ring") { Description = "Seconds to ring before no answer (5-120)", DefaultValueFactory = _ => 30 };
        var dial = new Option<string>("--dial-string") { Description = "Dial string with {number}", DefaultValueFactory = _ => "line:{number}" };
        var create = new Command("create", "Create a campaign (a draft)") { name, queue, mode, hours, attempts, busy, noAnswer, congestion, ring, dial };
        create.SetAction((parse, token) => RunAsync(global, context, parse, c => c.CreateCampaignAsync(
            new CampaignCreateRequest(parse.GetValue(name)!, parse.GetValue(queue)!, parse.GetValue(mode)!, parse.GetValue(hours)!, parse.GetValue(attempts),
                parse.GetValue(busy), parse.GetValue(noAnswer), parse.GetValue(congestion), parse.GetValue(ring), parse.GetValue(dial)!),
            token)));
        return create;
    }

    private static Command NameVerb(
        GlobalOptions global, CliContext context, string verb, string description, Argument[] extra, Func<ControlClient, string, ParseResult, CancellationToken, Task<string>> call)
    {
        var name = new Argument<string>("NAME") { Description = "Campaign name" };
        var command = new Command(verb, description) { name };
        foreach (var argument in extra)
        {
            command.Arguments.Add(argument);
        }

        command.SetAction((parse, token) => RunAsync(global, context, parse, c => call(c, parse.GetValue(name)!, parse, token)));
        return command;
    }

    private static async Task<int> RunAsync(GlobalOptions global, CliContext context, ParseResult parse, Func<ControlClient, Task<string>> call)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        if (launch is null)
        {
            return exitCode;
        }

        return await ControlVerbSupport.WithClientAsync(launch, async client =>
        {
            await context.Console.Out.WriteLineAsync(ControlJson.Indent(await call(client)));
            return ExitCodes.Ok;
        });
    }
}
