using System.CommandLine;
using System.Text.Json;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance sim call</c>: places a simulated call through the running appliance and prints how it ended as JSON.
/// Exit 0 when the call ran (whatever its outcome except "failed"), 1 when it failed, 4 when the appliance refused it.
/// </summary>
internal static class SimCallVerb
{
    private const double DefaultTimeoutSeconds = 300;

    public static Command Create(GlobalOptions global, CliContext context)
    {
        var line = new Option<int>("--line") { Description = "Line number on the board (1-based)", Required = true, HelpName = "N" };
        var from = new Option<string>("--from") { Description = "The caller's number", Required = true, HelpName = "NUMBER" };
        var digits = new Option<string?>("--digits") { Description = "DTMF keys to press once answered (0-9 * # A-D); a comma waits one second, e.g. 1,,,,1", HelpName = "KEYS" };
        var talk = new Option<double?>("--talk") { Description = "Seconds to talk once an agent answers", HelpName = "SECONDS" };
        var hangupAfter = new Option<double?>("--hangup-after") { Description = "Hang up this many seconds after dialling", HelpName = "SECONDS" };
        var heard = new Option<string?>("--heard")
        {
            Description = "Write what the caller heard (mono 8 kHz WAV) to this file; the appliance writes it",
            HelpName = "FILE",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the call to end",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "SECONDS",
        };

        var call = new Command("call", "Place a simulated inbound call and print how it ended") { line, from, digits, talk, hangupAfter, heard, timeout };
        call.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            // The appliance may run in another folder: it is sent the path as this shell means it.
            var heardPath = parse.GetValue(heard) is { Length: > 0 } file ? Path.GetFullPath(file) : parse.GetValue(heard);
            var request = new SimCallRequest(
                parse.GetValue(line), parse.GetValue(from)!, parse.GetValue(digits), parse.GetValue(talk), parse.GetValue(hangupAfter), heardPath);
            var seconds = parse.GetValue(timeout);
            var problem = SimCallRequestValidation.Validate(request)
                ?? (seconds is > 0 and <= 86_400 ? null : $"timeout must be more than 0 and at most 86400 seconds (got {seconds})");
            if (problem is not null)
            {
                await context.Console.Error.WriteLineAsync(problem);
                return ExitCodes.RequestRefused;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var result = await client.RunSimulatedCallAsync(request, TimeSpan.FromSeconds(seconds), cancellationToken);
                await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, ControlJson.IndentedOptions));
                return result.Outcome == SimCallOutcomes.Failed ? ExitCodes.Failure : ExitCodes.Ok;
            });
        });

        var sim = new Command("sim", "Simulation tools (needs a running appliance on the simulated board)");
        sim.Subcommands.Add(call);
        sim.Subcommands.Add(SimTicketVerb.Create(global, context));
        return sim;
    }
}
