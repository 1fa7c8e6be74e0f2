using System.CommandLine;
using System.Globalization;
using Appliance.Host.Cli.Internal;
using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance report kpi</c>: the KPI report on the box itself, from its database (running or not), as CSV or a short table,
/// with the thresholds of <c>Sync:ReportService</c>. The same figures head office pulls over the report service.
/// </summary>
internal static class ReportVerbs
{
    private static readonly string[] Formats = ["csv", "table"];

    public static Command Create(GlobalOptions global, CliContext context)
    {
        var report = new Command("report", "Reports from the box's own database");
        report.Subcommands.Add(Kpi(global, context));
        return report;
    }

    private static Command Kpi(GlobalOptions global, CliContext context)
    {
        var from = new Option<string>("--from") { Description = "Start (UTC date or ISO 8601 instant), inclusive", Required = true };
        var to = new Option<string>("--to") { Description = "End (UTC date or ISO 8601 instant), exclusive", Required = true };
        var interval = new Option<string>("--interval") { Description = "quarter, hour, day or week", DefaultValueFactory = _ => "hour" };
        var by = new Option<string>("--by") { Description = "Split rows by queue, agent or queue,agent (default: neither)", DefaultValueFactory = _ => "" };
        var queues = new Option<string[]>("--queue") { Description = "Only this queue (repeatable)", AllowMultipleArgumentsPerToken = false };
        var agents = new Option<string[]>("--agent") { Description = "Only this agent (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format") { Description = "csv (RFC 4180) or table", DefaultValueFactory = _ => "csv" };
        var csv = new Option<bool>("--csv") { Description = "Same as --format csv" };
        var command = new Command("kpi", "Service level, abandon rate, ASA, AHT, occupancy, callbacks, survey, FCR and Erlang C per interval")
        {
            from, to, interval, by, queues, agents, format, csv,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(global, context, parse, async (launch, database, settings) =>
        {
            var problems = new List<string>();
            var query = KpiQueryParser.Parse(
                parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(interval)!, parse.GetValue(by)!,
                parse.GetValue(queues) ?? [], parse.GetValue(agents) ?? [], problems);
            var chosen = parse.GetValue(csv) ? "csv" : parse.GetValue(format)!;
            if (!Formats.Contains(chosen, StringComparer.Ordinal))
            {
                problems.Add($"--format: '{chosen}' is not csv or table");
            }

            if (query is null || problems.Count > 0)
            {
                await launch.Console.WriteFailuresAsync(problems);
                return ExitCodes.Failure;
            }

            var rows = Reporter(database).Report(query, settings);
            if (chosen == "csv")
            {
                await KpiCsv.WriteAsync(launch.Console.Out, rows, cancellationToken);
                return ExitCodes.Ok;
            }

            await launch.Console.Out.WriteLineAsync("interval             queue        agent        offered answered   SL   aband   ASA s   AHT s");
            foreach (var row in rows)
            {
                await launch.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{row.IntervalStart.UtcDateTime:yyyy-MM-dd HH:mm}Z  {row.Queue,-12} {row.Agent,-12} {row.Offered,7} {row.Answered,8} {row.ServiceLevel,5:P0} {row.AbandonRate,6:P0} {row.AverageSpeedOfAnswer.TotalSeconds,7:F1} {row.AverageHandlingTime.TotalSeconds,7:F1}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static KpiReporter Reporter(ApplianceDatabase database)
    {
        var summaries = new KpiSummaryRepository(database);
        var summarizer = new KpiSummarizer(new EventLogRepository(database), summaries, NullLogger<KpiSummarizer>.Instance);
        return new KpiReporter(summarizer, summaries, TimeProvider.System, NullLogger<KpiReporter>.Instance);
    }

    private static async Task<int> RunAsync(
        GlobalOptions global, CliContext context, ParseResult parse,
        Func<Hosting.ApplianceLaunch, ApplianceDatabase, ReportServiceOptions, Task<int>> work)
    {
        var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
        if (launch is null)
        {
            return exitCode;
        }

        if (await StandaloneOptions.LoadAsync(launch) is not { } configuration)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var settings = StandaloneOptions.Read<ReportServiceOptions>(
            configuration, ReportServiceOptions.SectionName, out var settingFailures, new ReportServiceOptionsValidator());
        return !await StandaloneOptions.AcceptAsync(launch, settingFailures)
            ? ExitCodes.InvalidConfiguration
            : await RecordingStore.WithAsync(launch, (database, _) => work(launch, database, settings));
    }
}
