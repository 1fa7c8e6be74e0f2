using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Cli.Verbs;

/// <summary><c>appliance db migrate</c>: brings the database to this firmware's schema and prints the versions.</summary>
internal static class DbMigrateVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var migrate = new Command("migrate", "Create or upgrade the database to this firmware's schema (exit 3 when it is refused)");
        migrate.SetAction((parse, _) => ExecuteAsync(global, context, parse));
        var db = new Command("db", "Database tools");
        db.Subcommands.Add(migrate);
        return db;
    }

    private static async Task<int> ExecuteAsync(GlobalOptions global, CliContext context, ParseResult parse)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        if (launch is null)
        {
            return exitCode;
        }

        var console = context.Console;
        if (await StandaloneOptions.LoadAsync(launch) is not { } configuration)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var storage = StandaloneOptions.Read<StorageOptions>(configuration, StorageOptions.SectionName, out var failures);
        if (!await StandaloneOptions.AcceptAsync(launch, failures))
        {
            return ExitCodes.InvalidConfiguration;
        }

        var path = storage.ResolveDatabasePath(launch.DataDirectory.Path);
        try
        {
            using var database = new ApplianceDatabase(path, NullLogger<ApplianceDatabase>.Instance, TimeProvider.System, storage);
            var before = database.Inspect();
            var to = database.Migrate();
            var what = before.State is DatabaseState.Missing or DatabaseState.Empty ? "created"
                : before.SchemaVersion == to ? "already current"
                : "migrated";
            await console.Out.WriteLineAsync($"database {path}: schema version {before.SchemaVersion} -> {to} ({what})");
            return ExitCodes.Ok;
        }
        catch (StorageException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.StorageFailure;
        }
    }
}
