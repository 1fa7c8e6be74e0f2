using System.CommandLine;
using System.Globalization;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance qa sample|list|score|show</c>: the QA review list and scores in the running appliance, through the
/// control API. Prints JSON. A refused request (bad answer, unknown call or scorecard, already scored) exits non-zero.
/// </summary>
internal static class QaVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var qa = new Command("qa", "Quality assurance: weekly review sample, scores");
        var week = new Option<string>("--week") { Description = "A day (yyyy-MM-dd) of the week; the last complete week by default", HelpName = "DATE" };
        var sample = new Command("sample", "Draw the week's review list (once; a week drawn before keeps its list)") { week };
        Run(sample, global, context, (parse, client, token) => client.SampleQaAsync(parse.GetValue(week), token));
        qa.Subcommands.Add(sample);

        var listWeek = new Option<string>("--week") { Description = week.Description, HelpName = "DATE" };
        var list = new Command("list", "Show the week's review list") { listWeek };
        Run(list, global, context, (parse, client, token) => client.ListQaAsync(parse.GetValue(listWeek), token));
        qa.Subcommands.Add(list);

        qa.Subcommands.Add(ScoreVerb(global, context));
        var call = new Argument<string>("call") { Description = "The call id" };
        var show = new Command("show", "Show a call with its scores") { call };
        Run(show, global, context, (parse, client, token) => client.ShowQaAsync(parse.GetValue(call)!, token));
        qa.Subcommands.Add(show);
        return qa;
    }

    private static Command ScoreVerb(GlobalOptions global, CliContext context)
    {
        var call = new Argument<string>("call") { Description = "The call id" };
        var scorecard = new Option<string>("--scorecard") { Description = "The scorecard's name", Required = true, HelpName = "NAME" };
        var reviewer = new Option<string>("--reviewer") { Description = "Who scores", Required = true, HelpName = "NAME" };
        var answers = new Option<string[]>("--answer")
        {
            Description = "QUESTION=VALUE, one per question (yes/no questions: 1 or 0)", Required = true, HelpName = "Q=V", AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("score", "Score a call on a scorecard") { call, scorecard, reviewer, answers };
        command.Validators.Add(result =>
        {
            foreach (var pair in result.GetValue(answers) ?? [])
            {
                if (Parse(pair) is null)
                {
                    result.AddError($"--answer '{pair}' is not QUESTION=VALUE with a whole number value");
                }
            }
        });
        Run(command, global, context, (parse, client, token) => client.ScoreQaAsync(new QaScoreRequest(
            parse.GetValue(call)!, parse.GetValue(scorecard)!, parse.GetValue(reviewer)!,
            (parse.GetValue(answers) ?? []).Select(Parse).ToDictionary(a => a!.Value.Key, a => a!.Value.Value)), token));
        return command;
    }

    private static KeyValuePair<string, int>? Parse(string pair) =>
        pair.Split('=', 2) is [var key, var text] && key.Length > 0 && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new(key, value)
            : null;

    private static void Run(Command command, GlobalOptions global, CliContext context, Func<ParseResult, ControlClient, CancellationToken, Task<string>> send) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                await context.Console.Out.WriteLineAsync(ControlJson.Indent(await send(parse, client, cancellationToken)));
                return ExitCodes.Ok;
            });
        });
}
