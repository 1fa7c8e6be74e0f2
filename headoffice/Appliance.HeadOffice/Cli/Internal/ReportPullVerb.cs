using System.CommandLine;
using System.Globalization;
using Appliance.HeadOffice.Reports;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Transport;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary><c>report pull --branch ID --address URL --from … --to … --format csv|json</c>.</summary>
internal static class ReportPullVerb
{
    public const string KeyEnvironmentVariable = "HEADOFFICE_REPORT_KEY";

    public static Command Create(CliContext context)
    {
        var branch = new Option<string>("--branch") { Description = "The branch id (printed in every row).", Required = true };
        var address = new Option<Uri>("--address")
        {
            Description = "The box's report service, e.g. https://10.1.2.3:7443.",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--address must be an absolute http:// or https:// URL, not '{text}'.");
                return null;
            },
        };
        var from = TimeOption("--from", "Start of the range (inclusive), ISO 8601; a date alone means 00:00 UTC.");
        var to = TimeOption("--to", "End of the range (exclusive), ISO 8601.");
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var interval = new Option<KpiInterval>("--interval") { Description = "KPI interval.", DefaultValueFactory = _ => KpiInterval.Day };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = $"File holding head office's key for this branch (default: ${KeyEnvironmentVariable})." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each call may take.", DefaultValueFactory = _ => 30 };
        var pull = new Command("pull", "Pull KPIs and call records from a branch.") { branch, address, from, to, format, interval, keyFile, timeout };
        pull.SetAction((parse, cancellationToken) => Failures.GuardAsync(context, async () =>
        {
            if (Problem(parse.GetValue(from), parse.GetValue(to), parse.GetValue(timeout)) is { } problem)
            {
                await context.Error.WriteLineAsync(problem);
                return ExitCodes.BadUsage;
            }

            var key = await ReadKeyAsync(context, parse.GetValue(keyFile), cancellationToken);
            if (key is null)
            {
                await context.Error.WriteLineAsync($"No key for the branch: pass --key-file or set ${KeyEnvironmentVariable}.");
                return ExitCodes.BadUsage;
            }

            using var channel = GrpcChannelFactory.Create(parse.GetRequiredValue(address));
            var client = new ReportService.ReportServiceClient(channel);
            var puller = new ReportPuller(client, key, TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var report = await puller.PullAsync(
                parse.GetRequiredValue(branch), parse.GetValue(from), parse.GetValue(to), parse.GetValue(interval), cancellationToken);
            await (parse.GetValue(format) == "json" ? ReportWriters.WriteJsonAsync(report, context.Out) : ReportWriters.WriteCsvAsync(report, context.Out));
            return ExitCodes.Ok;
        }));

        var report = new Command("report", "Reports from branches.");
        report.Subcommands.Add(pull);
        return report;
    }

    private static string? Problem(DateTimeOffset from, DateTimeOffset to, int timeoutSeconds) =>
        from >= to ? "--from must be earlier than --to."
        : timeoutSeconds is < 1 or > 3600 ? "--timeout must be between 1 and 3600 seconds."
        : null;

    private static Option<DateTimeOffset> TimeOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }

            result.AddError($"{name} must be an ISO 8601 date or time (e.g. 2026-01-05 or 2026-01-05T09:00:00Z), not '{text}'.");
            return default;
        },
    };

    private static async Task<string?> ReadKeyAsync(CliContext context, FileInfo? file, CancellationToken cancellationToken)
    {
        var key = file is not null
            ? await File.ReadAllTextAsync(file.FullName, cancellationToken)
            : context.Environment.GetValueOrDefault(KeyEnvironmentVariable);
        key = key?.Trim();
        return string.IsNullOrEmpty(key) ? null : key;
    }
}
