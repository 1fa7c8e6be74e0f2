using System.CommandLine;
using System.Globalization;
using System.Net;
using Appliance.Core.Ivr;
using Appliance.Host.Cli.Internal;
using Appliance.Host.Control;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance prompt add --language LANG NAME FILE</c> and <c>appliance prompt list</c>: prompts on the running
/// appliance. An added prompt (any common WAV) is converted to 8 kHz mono, kept in the data directory over a built-in
/// prompt of that name, and played from the next call on. A file that is not a playable prompt exits 2 naming the file
/// and the reason, with nothing stored.
/// </summary>
internal static class PromptVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var prompt = new Command("prompt", "Add and list the voice prompts callers hear");
        prompt.Subcommands.Add(Add(global, context));
        prompt.Subcommands.Add(List(global, context));
        return prompt;
    }

    private static Command Add(GlobalOptions global, CliContext context)
    {
        var language = new Option<string>("--language") { Description = "The prompt's language folder, e.g. en or zh", Required = true };
        var name = new Argument<string>("name") { Description = "The prompt name the menus use, e.g. greeting" };
        var file = new Argument<FileInfo>("file") { Description = "A WAV file: PCM, float, A-law or µ-law, any rate and channel count" };
        var command = new Command("add", "Add or replace a prompt on the running appliance from a WAV file") { language, name, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists || path.Length > PromptLibrary.MaximumFileBytes)
            {
                await context.Console.Error.WriteLineAsync(path.Exists
                    ? $"{path.FullName}: {path.Length} bytes; prompts may be at most {PromptLibrary.MaximumFileBytes} bytes; nothing stored"
                    : $"{path.FullName}: no such file; nothing stored");
                return ExitCodes.InvalidConfiguration;
            }

            var content = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                PromptInfo added;
                try
                {
                    added = await client.AddPromptAsync(parse.GetValue(language)!, parse.GetValue(name)!, content, path.FullName, cancellationToken);
                }
                catch (ControlRequestException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
                {
                    await context.Console.Error.WriteLineAsync($"{ex.Message} Nothing stored.");
                    return ExitCodes.InvalidConfiguration;
                }

                await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"prompt {added.Language}/{added.Name} added ({added.Seconds:0.0} s at 8 kHz){(added.OverridesBuiltIn ? ", in place of the built-in one" : "")}"));
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command List(GlobalOptions global, CliContext context)
    {
        var command = new Command("list", "List the prompts: language, name, built-in or added");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                await context.Console.Out.WriteLineAsync($"{"LANGUAGE",-8} {"NAME",-24} SOURCE");
                foreach (var prompt in await client.ListPromptsAsync(cancellationToken))
                {
                    var source = prompt.OverridesBuiltIn ? "added (overrides built-in)" : prompt.Source;
                    await context.Console.Out.WriteLineAsync($"{prompt.Language,-8} {prompt.Name,-24} {source}");
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
