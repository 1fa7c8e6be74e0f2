using System.CommandLine;
using System.Diagnostics;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Cli.Verbs;
using Appliance.Host.Hosting;

namespace Appliance.Host.Cli;

/// <summary>The <c>appliance</c> command line: run, version, config check, db migrate, status, sim call.</summary>
public static class ApplianceCli
{
    /// <summary>Runs the command line against the real console; the process exit code is the result.</summary>
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, CliConsole.System, CancellationToken.None);

    /// <summary>Runs the command line with the given console (tests capture output this way).</summary>
    /// <param name="cancellationToken">Stops a running appliance, as SIGTERM would.</param>
    public static Task<int> InvokeAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken) =>
        InvokeAsync(args, console, customizeLaunch: null, cancellationToken);

    /// <param name="customizeLaunch">Test hook: adjusts each verb's launch (fakes, no telephony, a ready callback).</param>
    internal static async Task<int> InvokeAsync(
        IReadOnlyList<string> args,
        CliConsole console,
        Func<ApplianceLaunch, ApplianceLaunch>? customizeLaunch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var context = new CliContext(console, Stopwatch.GetTimestamp(), customizeLaunch);
        var parse = CreateRootCommand(context).Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // The generic host handles SIGINT/SIGTERM itself and stops calls gracefully; the parser must not kill it first.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static RootCommand CreateRootCommand(CliContext context)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Branch call-center appliance. With no verb, runs the appliance.");
        global.AddTo(root);
        root.Subcommands.Add(RunVerb.Create(global, context));
        root.Subcommands.Add(VersionVerb.Create(context));
        root.Subcommands.Add(ConfigCheckVerb.Create(global, context));
        root.Subcommands.Add(DbMigrateVerb.Create(global, context));
        root.Subcommands.Add(StatusVerb.Create(global, context));
        root.Subcommands.Add(SimCallVerb.Create(global, context));
        var agent = AgentPasswordVerb.Create(global, context);
        AgentStateVerbs.AddTo(agent, global, context);
        root.Subcommands.Add(agent);
        root.Subcommands.Add(SuperviseVerb.Create(global, context));
        root.Subcommands.Add(PromptVerbs.Create(global, context));
        root.Subcommands.Add(BankVerbs.Create(global, context));
        root.Subcommands.Add(TicketVerbs.Create(global, context));
        root.Subcommands.Add(CampaignVerbs.Create(global, context));
        root.Subcommands.Add(RecordingVerbs.Create(global, context));
        root.Subcommands.Add(ReportVerbs.Create(global, context));
        root.Subcommands.Add(QaVerbs.Create(global, context));
        root.SetAction((parse, cancellationToken) => RunVerb.ExecuteAsync(global, context, parse, cancellationToken));
        return root;
    }
}
