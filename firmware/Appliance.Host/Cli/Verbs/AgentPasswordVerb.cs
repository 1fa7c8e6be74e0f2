using System.CommandLine;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Composition;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance agent password --agent ID</c>: generates a new SIP password for an agent's phone, stores only its digest
/// hashes, and prints the password once. There is no default password: an agent's phone cannot register until this runs.
/// </summary>
internal static class AgentPasswordVerb
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var agentOption = new Option<string>("--agent") { Description = "The agent id", Required = true };
        var password = new Command("password", "Generate and store a new SIP password for an agent's phone, printed once");
        password.Options.Add(agentOption);
        password.SetAction((parse, _) => ExecuteAsync(global, context, parse, parse.GetValue(agentOption)!));
        var agent = new Command("agent", "Agent tools");
        agent.Subcommands.Add(password);
        return agent;
    }

    private static async Task<int> ExecuteAsync(GlobalOptions global, CliContext context, ParseResult parse, string agentId)
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

        var storage = StandaloneOptions.Read<StorageOptions>(configuration, StorageOptions.SectionName, out var storageFailures);
        var digest = StandaloneOptions.Read<DigestChallengerOptions>(configuration, DigestChallengerOptions.SectionName, out var digestFailures);
        if (!await StandaloneOptions.AcceptAsync(launch, [.. storageFailures, .. digestFailures]))
        {
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            using var database = new ApplianceDatabase(
                storage.ResolveDatabasePath(launch.DataDirectory.Path), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System, storage);
            database.Open();
            var secret = SipComposition.GenerateAgentPassword(database, digest.Realm, agentId, TimeProvider.System);
            await console.Out.WriteLineAsync(secret);
            return ExitCodes.Ok;
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.RequestRefused;
        }
        catch (StorageException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.StorageFailure;
        }
    }
}
