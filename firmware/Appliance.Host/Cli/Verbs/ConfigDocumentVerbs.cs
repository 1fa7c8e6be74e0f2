using System.CommandLine;
using Appliance.Host.Cli.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance config export [--output FILE]</c> and <c>appliance config import FILE</c>: the running appliance's
/// call-center configuration as one JSON document, to keep a branch's set-up in a file and load it on another box.
/// </summary>
internal static class ConfigDocumentVerbs
{
    public static Command Export(GlobalOptions global, CliContext context)
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the document to this file instead of standard output" };
        var command = new Command("export", "Print the running appliance's call-center configuration as one JSON document") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var document = await client.ExportConfigurationAsync(cancellationToken);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, document, cancellationToken);
                }
                else
                {
                    await context.Console.Out.WriteAsync(document);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Command Import(GlobalOptions global, CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON document to put in force" };
        var command = new Command("import", "Validate a configuration document and put it in force on the running appliance; exit 2 naming every error") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            if (launch is null)
            {
                return exitCode;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Console.Error.WriteLineAsync($"{path.FullName}: no such file");
                return ExitCodes.InvalidConfiguration;
            }

            var document = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            return await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var result = await client.ImportConfigurationAsync(document, cancellationToken);
                if (result.Errors.Count > 0)
                {
                    await context.Console.WriteFailuresAsync(result.Errors);
                    await context.Console.Error.WriteLineAsync($"nothing changed: configuration version {result.Version} stays in force");
                    return ExitCodes.InvalidConfiguration;
                }

                await context.Console.Out.WriteLineAsync(result.Changed
                    ? $"configuration version {result.Version} in force"
                    : $"unchanged: the document is configuration version {result.Version}, already in force");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
