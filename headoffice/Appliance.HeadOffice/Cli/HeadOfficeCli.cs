using System.Collections;
using System.CommandLine;
using Appliance.HeadOffice.Cli.Internal;

namespace Appliance.HeadOffice.Cli;

/// <summary>The <c>headoffice</c> command line: serve, branch enrol|revoke|list, report pull, ticket show|resolve|update.</summary>
public static class HeadOfficeCli
{
    /// <summary>Runs against the real console and environment.</summary>
    public static Task<int> InvokeAsync(string[] args) =>
        InvokeAsync(args, Console.Out, Console.Error, ReadEnvironment(), CancellationToken.None);

    /// <summary>Runs with the given writers and environment (tests capture output this way).</summary>
    /// <param name="cancellationToken">Stops a running server, as SIGTERM would.</param>
    public static async Task<int> InvokeAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new CliSettings();
        var context = new CliContext(output, error, environment, settings);
        var root = new RootCommand("Head office: receives every branch's sync into PostgreSQL and pulls branch reports.");
        root.Options.Add(settings.Database);
        root.Subcommands.Add(ServeVerb.Create(context));
        root.Subcommands.Add(BranchVerbs.Create(context));
        root.Subcommands.Add(ReportPullVerb.Create(context));
        root.Subcommands.Add(TicketVerbs.Create(context));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return ExitCodes.BadUsage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
