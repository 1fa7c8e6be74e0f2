using System.CommandLine;
using System.Globalization;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary><c>branch enrol|revoke|list</c>: the branch registry from the command line.</summary>
internal static class BranchVerbs
{
    public static Command Create(CliContext context)
    {
        var branch = new Command("branch", "Enrol, revoke and list branches.");
        var enrolId = new Option<string>("--id") { Description = "The branch id (letters, digits, '.', '_', '-').", Required = true };
        var enrol = new Command("enrol", "Enrol a branch (or reinstate a revoked one) and print its new key once.") { enrolId };
        enrol.SetAction((parse, cancellationToken) => RunAsync(context, parse, async registry =>
        {
            var result = await registry.EnrolAsync(parse.GetRequiredValue(enrolId), cancellationToken);
            await context.Out.WriteLineAsync($"Branch {result.BranchId} {(result.Reinstated ? "reinstated" : "enrolled")}.");
            await context.Out.WriteLineAsync($"key: {result.Key}");
            await context.Out.WriteLineAsync("Give this key to the branch now: head office keeps only a hash and cannot show it again.");
            return ExitCodes.Ok;
        }, cancellationToken));

        var revokeId = new Option<string>("--id") { Description = "The branch id.", Required = true };
        var revoke = new Command("revoke", "Revoke a branch: its key is refused from now on.") { revokeId };
        revoke.SetAction((parse, cancellationToken) => RunAsync(context, parse, async registry =>
        {
            var id = parse.GetRequiredValue(revokeId);
            var newly = await registry.RevokeAsync(id, cancellationToken);
            await context.Out.WriteLineAsync(newly ? $"Branch {id} revoked." : $"Branch {id} was already revoked.");
            return ExitCodes.Ok;
        }, cancellationToken));

        var list = new Command("list", "List enrolled branches.");
        list.SetAction((parse, cancellationToken) => RunAsync(context, parse, async registry =>
        {
            await context.Out.WriteLineAsync("branch_id\tstatus\tenrolled_at\trevoked_at\tapplied_records");
            foreach (var info in await registry.ListAsync(cancellationToken))
            {
                await context.Out.WriteLineAsync(string.Join('\t',
                    info.BranchId, info.Status.ToString().ToLowerInvariant(), info.EnrolledAt.ToString("O", CultureInfo.InvariantCulture),
                    info.RevokedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "-", info.AppliedRecords.ToString(CultureInfo.InvariantCulture)));
            }

            return ExitCodes.Ok;
        }, cancellationToken));

        branch.Subcommands.Add(enrol);
        branch.Subcommands.Add(revoke);
        branch.Subcommands.Add(list);
        return branch;
    }

    private static Task<int> RunAsync(
        CliContext context, ParseResult parse, Func<BranchRegistry, Task<int>> action, CancellationToken cancellationToken) =>
        Failures.GuardAsync(context, async () =>
        {
            var services = new ServiceCollection().AddLogging().AddHeadOffice(context.Settings.Build(parse, context.Environment));
            await using var provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            return await action(provider.GetRequiredService<BranchRegistry>());
        });
}
