using System.CommandLine;
using System.Globalization;
using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Hosting;
using Appliance.HeadOffice.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary><c>ticket show|resolve|update</c>: head office reads a branch's ticket and queues changes for the branch to pull.</summary>
internal static class TicketVerbs
{
    public static Command Create(CliContext context)
    {
        var ticket = new Command("ticket", "Show a branch's ticket, or change it (the branch pulls the change).");
        ticket.Subcommands.Add(Show(context));
        ticket.Subcommands.Add(Change(context, "resolve", "Resolve the ticket: the branch calls the customer back.", fixedStatus: "resolved"));
        ticket.Subcommands.Add(Change(context, "update", "Change the ticket's status and/or add a note.", fixedStatus: null));
        return ticket;
    }

    private static Command Show(CliContext context)
    {
        var (branch, id) = (BranchOption(), IdOption());
        var show = new Command("show", "Show the ticket as head office last received it.") { branch, id };
        show.SetAction((parse, cancellationToken) => RunAsync(context, parse, async desk =>
        {
            var t = await desk.GetAsync(parse.GetRequiredValue(branch), parse.GetRequiredValue(id), cancellationToken);
            if (t is null)
            {
                await context.Error.WriteLineAsync($"ticket '{parse.GetRequiredValue(id)}' of branch '{parse.GetRequiredValue(branch)}': head office has received no such ticket.");
                return ExitCodes.Failed;
            }

            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.TicketId}\tbranch {t.BranchId}\t{t.Category}/{t.SubCategory}\tstatus {t.Status}\trevision {t.Revision}\tdepartment {t.Department}\tlevel {t.EscalationLevel}\tcustomer {t.CustomerNumberMasked}\tsatisfaction {t.Satisfaction}\treopened {t.ReopenCount}\tpending changes {t.PendingChanges}"));
            return ExitCodes.Ok;
        }, cancellationToken));
        return show;
    }

    private static Command Change(CliContext context, string name, string description, string? fixedStatus)
    {
        var (branch, id) = (BranchOption(), IdOption());
        var status = new Option<string?>("--status") { Description = "The new status (new, dispatched, in-progress, resolved, confirmed, closed, reopened)." };
        var note = new Option<string?>("--note") { Description = "A note for the ticket's history." };
        var department = new Option<string?>("--department") { Description = "When dispatching: the department." };
        var revision = new Option<int?>("--revision") { Description = "The revision you read (default: the one head office holds)." };
        var actor = new Option<string>("--actor") { Description = "Who makes the change.", DefaultValueFactory = _ => "headoffice" };
        var command = new Command(name, description) { branch, id, note, department, revision, actor };
        if (fixedStatus is null)
        {
            command.Options.Add(status);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, async desk =>
        {
            var change = await desk.ChangeAsync(new HeadOfficeTicketChange(
                parse.GetRequiredValue(branch), parse.GetRequiredValue(id), parse.GetRequiredValue(actor),
                fixedStatus ?? parse.GetValue(status), parse.GetValue(note), parse.GetValue(department), parse.GetValue(revision)), cancellationToken);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Change {change.ChangeId} queued for ticket {change.TicketId}: {(change.Status.Length > 0 ? change.Status : "note")} on revision {change.BasedOnRevision}; the branch makes it revision {change.BasedOnRevision + 1} when it pulls it."));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Option<string> BranchOption() => new("--branch") { Description = "The branch id.", Required = true };

    private static Option<string> IdOption() => new("--id") { Description = "The ticket id.", Required = true };

    private static Task<int> RunAsync(
        CliContext context, ParseResult parse, Func<TicketDesk, Task<int>> action, CancellationToken cancellationToken) =>
        Failures.GuardAsync(context, async () =>
        {
            var services = new ServiceCollection().AddLogging().AddHeadOffice(context.Settings.Build(parse, context.Environment));
            await using var provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            return await action(provider.GetRequiredService<TicketDesk>());
        });
}
