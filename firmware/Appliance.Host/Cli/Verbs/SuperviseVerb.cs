using System.CommandLine;
using System.Net;
using System.Text.Json;
using Appliance.Core.Supervision;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance supervise</c>: <c>--supervisor ID --agent ID --mode listen|whisper|barge</c> rings the supervisor's phone and,
/// once answered, joins the agent's call, printing the supervision (its id among it) as JSON; <c>--id X --mode M</c> switches
/// the mode; <c>--id X --stop</c> ends it. Exit 0 done, 4 refused (bad option, unknown id, not a supervisor, an agent with
/// no call, a busy supervisor, a phone not answered), 1 no appliance running, 5 no answer from the appliance in time.
/// </summary>
internal static class SuperviseVerb
{
    // The supervisor's phone rings for up to the service's ring timeout; the answer comes after it.
    private static readonly TimeSpan StartTimeout = SupervisionService.RingTimeout + TimeSpan.FromSeconds(15);

    public static Command Create(GlobalOptions global, CliContext context)
    {
        var supervisor = new Option<string?>("--supervisor") { Description = "The supervising agent's id", HelpName = "ID" };
        var agent = new Option<string?>("--agent") { Description = "The agent whose call to join", HelpName = "ID" };
        var mode = new Option<string?>("--mode") { Description = "listen, whisper or barge", HelpName = "MODE" };
        var id = new Option<string?>("--id") { Description = "An existing supervision, to switch its mode or stop it", HelpName = "ID" };
        var stop = new Option<bool>("--stop") { Description = "End the supervision given by --id" };
        var command = new Command("supervise", "Listen to, whisper to or barge into an agent's call from a supervisor's phone")
        {
            supervisor, agent, mode, id, stop,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            var request = new Request(parse.GetValue(supervisor), parse.GetValue(agent), parse.GetValue(mode), parse.GetValue(id), parse.GetValue(stop));
            if (Validate(request) is { } problem)
            {
                await context.Console.Error.WriteLineAsync(problem);
                return ExitCodes.RequestRefused;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                try
                {
                    var result = request switch
                    {
                        { Id: { } existing, Stop: true } => await client.StopSupervisionAsync(existing, cancellationToken),
                        { Id: { } existing } => await client.ChangeSupervisionModeAsync(existing, request.Mode!, cancellationToken),
                        _ => await client.StartSupervisionAsync(new SuperviseRequest(request.Supervisor!, request.Agent!, request.Mode!), StartTimeout, cancellationToken),
                    };
                    await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, ControlJson.IndentedOptions));
                    return ExitCodes.Ok;
                }
                catch (ControlRequestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
                {
                    await context.Console.Error.WriteLineAsync(ex.Message);
                    return ExitCodes.RequestRefused;
                }
            });
        });
        return command;
    }

    private static string? Validate(Request request)
    {
        if (request.Mode is { } mode && !SupervisionModeNames.TryParse(mode, out _))
        {
            return $"--mode '{mode}' is not one of listen, whisper, barge";
        }

        if (request.Id is not null)
        {
            if (request.Supervisor is not null || request.Agent is not null)
            {
                return "--id names an existing supervision: give --mode or --stop with it, not --supervisor or --agent";
            }

            return (request.Mode is null) == request.Stop ? null : "--id needs exactly one of --mode MODE or --stop";
        }

        if (request.Stop)
        {
            return "--stop needs --id (the supervision to end)";
        }

        return request.Supervisor is null || request.Agent is null || request.Mode is null
            ? "to start a supervision give --supervisor ID --agent ID --mode listen|whisper|barge (or --id ID to change one)"
            : null;
    }

    private sealed record Request(string? Supervisor, string? Agent, string? Mode, string? Id, bool Stop);
}
