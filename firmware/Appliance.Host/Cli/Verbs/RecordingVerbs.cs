using System.CommandLine;
using System.Globalization;
using Appliance.Core.Recording;
using Appliance.Host.Cli.Internal;
using Appliance.Storage;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance recordings verify|hold|release|export</c>: recording compliance on the database and recordings folder.
/// verify exits 1 when anything was changed, removed or inserted (a running call's file or a recording from before the
/// chain is listed and exits 0); hold/release/export exit 4 for an unknown call.
/// </summary>
internal static class RecordingVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var recordings = new Command("recordings", "Recording compliance: hash-chain verification, legal hold, export");
        recordings.Subcommands.Add(Verify(global, context));
        recordings.Subcommands.Add(Hold(global, context, hold: true));
        recordings.Subcommands.Add(Hold(global, context, hold: false));
        recordings.Subcommands.Add(Export(global, context));
        return recordings;
    }

    private static Command Verify(GlobalOptions global, CliContext context)
    {
        var verify = new Command("verify",
            "Check every recording against the hash chain; list what was changed, removed or inserted (exit 1), and the files of "
            + "calls still running and recordings from before the chain (listed, exit 0)");
        verify.SetAction((parse, _) => Run(global, context, parse, async (launch, database, root) =>
        {
            var result = new RecordingVerifier(new RecordingComplianceRepository(database), root, TimeProvider.System).Verify();
            foreach (var line in result.Findings.Select(f => f.ToString()).Concat(result.Notes.Select(n => n.ToString())))
            {
                await launch.Console.Out.WriteLineAsync(line);
            }

            await launch.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(result.Intact ? "intact" : "NOT INTACT")}: {result.ChainLinks} chain links, {result.FilesChecked} files checked, {result.Findings.Count} problems, "
                + $"{result.InProgress} in progress, {result.Unchained} unchained (from before the hash chain)"));
            return result.Intact ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return verify;
    }

    private static Command Hold(GlobalOptions global, CliContext context, bool hold)
    {
        var callId = new Argument<string>("CALLID") { Description = "The call whose recordings are (or stop being) kept past retention" };
        var command = new Command(hold ? "hold" : "release", hold
            ? "Put a call's recordings under legal hold: the purge never deletes them"
            : "Release a call's legal hold: its recordings follow retention again") { callId };
        command.SetAction((parse, _) => Run(global, context, parse, async (launch, database, _) =>
        {
            var id = parse.GetValue(callId)!;
            var compliance = new RecordingComplianceRepository(database);
            if (hold && new CallRecordRepository(database).Get(id) is null && new RecordingRepository(database).ListByCall(id).Count == 0)
            {
                await launch.Console.Error.WriteLineAsync($"no call '{id}' is stored (a call can be held once it has ended); nothing was changed");
                return ExitCodes.RequestRefused;
            }

            var changed = hold ? compliance.Hold(id, TimeProvider.System.GetUtcNow()) : compliance.Release(id);
            if (!hold && !changed)
            {
                await launch.Console.Error.WriteLineAsync($"call '{id}' is not under legal hold; nothing was changed");
                return ExitCodes.RequestRefused;
            }

            await launch.Console.Out.WriteLineAsync(hold
                ? $"call {id}: under legal hold{(changed ? "" : " (already)")}"
                : $"call {id}: legal hold released");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Export(GlobalOptions global, CliContext context)
    {
        var callId = new Argument<string>("CALLID") { Description = "The call whose recordings to export" };
        var folder = new Argument<string>("DIR") { Description = "Folder to write the WAV files and CALLID.json into (created if missing)" };
        var export = new Command("export", "Copy a call's recordings with a metadata JSON (call, agent, queue, times, hashes, PCI markers)") { callId, folder };
        export.SetAction((parse, _) => Run(global, context, parse, async (launch, database, _) =>
        {
            try
            {
                var result = new RecordingExporter(database).Export(parse.GetValue(callId)!, Path.GetFullPath(parse.GetValue(folder)!));
                foreach (var file in result.Files)
                {
                    await launch.Console.Out.WriteLineAsync(file);
                }

                foreach (var altered in result.Altered)
                {
                    await launch.Console.Error.WriteLineAsync($"{altered}: the file no longer matches the hash stored with it");
                }

                return result.Altered.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (RecordingExportException ex)
            {
                await launch.Console.Error.WriteLineAsync(ex.Message);
                return ExitCodes.RequestRefused;
            }
        }));
        return export;
    }

    private static async Task<int> Run(
        GlobalOptions global, CliContext context, ParseResult parse, Func<Hosting.ApplianceLaunch, ApplianceDatabase, string, Task<int>> work)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        return launch is null ? exitCode : await RecordingStore.WithAsync(launch, (database, root) => work(launch, database, root));
    }
}
