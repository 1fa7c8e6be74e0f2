using System.CommandLine;
using System.Globalization;
using System.Net;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance agent login|logout|ready|pause --agent ID [--reason CODE]</c> and <c>appliance agent list</c>: agents'
/// states on the running appliance, as an agent would set them with *50–*53 on their phone. A bad agent id, reason or
/// option exits 2 naming it, with nothing changed.
/// </summary>
internal static class AgentStateVerbs
{
    /// <summary>The exit code for an agent id or reason the appliance does not know.</summary>
    public const int BadAgentOrReason = ExitCodes.InvalidConfiguration;

    public static void AddTo(Command agent, GlobalOptions global, CliContext context)
    {
        agent.Subcommands.Add(StateCommand("login", "Log an agent in, ready for calls (like *50 on their phone)", global, context, withReason: false));
        agent.Subcommands.Add(StateCommand("logout", "Log an agent out: no calls until they log in again (like *51)", global, context, withReason: false));
        agent.Subcommands.Add(StateCommand("ready", "Make an agent ready for calls again after a pause (like *52)", global, context, withReason: false));
        agent.Subcommands.Add(StateCommand("pause", "Make an agent not ready, with a configured pause reason (like *53 and the code)", global, context, withReason: true));
        agent.Subcommands.Add(ListCommand(global, context));
    }

    private static Command StateCommand(string name, string description, GlobalOptions global, CliContext context, bool withReason)
    {
        var agentOption = new Option<string>("--agent") { Description = "The agent id", Required = true };
        var reasonOption = new Option<string>("--reason") { Description = "The pause reason code (pauseReasons in the configuration)", Required = true };
        var command = new Command(name, description) { agentOption };
        if (withReason)
        {
            command.Options.Add(reasonOption);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            var agentId = parse.GetValue(agentOption)!;
            var request = new AgentStateRequest(name, withReason ? parse.GetValue(reasonOption) : null);
            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                AgentSummary agent;
                try
                {
                    agent = await client.SetAgentStateAsync(agentId, request, cancellationToken);
                }
                catch (ControlRequestException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
                {
                    await context.Console.Error.WriteLineAsync(ex.Message);
                    return BadAgentOrReason;
                }

                await context.Console.Out.WriteLineAsync($"agent {agent.Id}: {Describe(agent)}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command ListCommand(GlobalOptions global, CliContext context)
    {
        var command = new Command("list", "List every agent: state, pause reason, since when, registered phones");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var agents = await client.ListAgentsAsync(cancellationToken);
                await context.Console.Out.WriteLineAsync($"{"AGENT",-12} {"STATE",-10} {"REASON",-16} {"SINCE",-20} {"SECONDS",8} {"PHONES",6}");
                foreach (var agent in agents)
                {
                    var reason = agent.Reason is null ? "-" : $"{agent.Reason} {agent.ReasonName}".Trim();
                    var since = agent.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    await context.Console.Out.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{agent.Id,-12} {agent.Status,-10} {reason,-16} {since,-20} {agent.SecondsInState,8:0} {agent.RegisteredContacts,6}"));
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static string Describe(AgentSummary agent) =>
        agent.Reason is null ? agent.Status : $"{agent.Status} ({agent.Reason} {agent.ReasonName})".Replace(" )", ")", StringComparison.Ordinal);
}
