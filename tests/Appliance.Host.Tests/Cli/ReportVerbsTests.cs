using System.Globalization;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Appliance.Storage.Kpi;
using Appliance.Sync.Reporting.Kpi;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Tests.Cli;

public sealed class ReportVerbsTests : IDisposable
{
    private static readonly DateTimeOffset TenOFive = new(2026, 3, 2, 10, 5, 0, TimeSpan.Zero);
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task LogTwoCalls()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path])).ExitCode);
        using var database = Open();
        new EventLogRepository(database).Append(
        [
            new CallEventRecord(TenOFive, "c1", "ENTERQUEUE", "loans", null, """{"position":1}"""),
            new CallEventRecord(TenOFive.AddSeconds(6), "c1", "CONNECT", "loans", "a1", """{"holdtime":6}"""),
            new CallEventRecord(TenOFive.AddSeconds(96), "c1", "COMPLETECALLER", "loans", "a1", """{"holdtime":6,"talktime":90}"""),
            new CallEventRecord(TenOFive.AddSeconds(10), "c2", "ENTERQUEUE", "loans", null, """{"position":1}"""),
            new CallEventRecord(TenOFive.AddSeconds(40), "c2", "ABANDON", "loans", null, """{"position":1,"waittime":30}"""),
        ]);
    }

    private ApplianceDatabase Open() =>
        new(_data.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    [Fact]
    public async Task Kpi_csv_has_head_offices_columns_and_the_figures_of_the_logged_calls()
    {
        await LogTwoCalls();

        var result = await CliRun.InvokeAsync(
            ["report", "kpi", "--from", "2026-03-02", "--to", "2026-03-03", "--interval", "hour", "--by", "queue", "--csv", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', KpiCsv.Columns), lines[0]);
        var row = Assert.Single(lines.Skip(1)).Split(',').Select((value, i) => (KpiCsv.Columns[i], value)).ToDictionary();
        Assert.Equal("2026-03-02T10:00:00Z", row["interval_start"]);
        Assert.Equal("loans", row["queue_id"]);
        Assert.Equal(("2", "1", "1", "1"), (row["offered"], row["answered"], row["abandoned"], row["answered_within_threshold"]));
        Assert.Equal(6.0, double.Parse(row["average_speed_of_answer_seconds"], CultureInfo.InvariantCulture));
        Assert.Equal(0.5, double.Parse(row["abandon_rate"], CultureInfo.InvariantCulture)); // the 30 s abandon is not short
        Assert.Equal(90.0, double.Parse(row["average_handling_time_seconds"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Bad_options_are_all_named_and_nothing_is_folded()
    {
        await LogTwoCalls();

        var result = await CliRun.InvokeAsync(
            ["report", "kpi", "--from", "2026-13-01", "--to", "2026-03-03", "--interval", "month", "--by", "team", "--format", "xls", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        foreach (var option in new[] { "--from: '2026-13-01'", "--interval: 'month'", "--by: 'team'", "--format: 'xls'" })
        {
            Assert.Contains(option, result.Error, StringComparison.Ordinal);
        }

        using var database = Open();
        Assert.Equal(0, new KpiSummaryRepository(database).Cursor());
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task A_range_backwards_or_longer_than_93_days_is_refused()
    {
        await LogTwoCalls();

        var backwards = await CliRun.InvokeAsync(["report", "kpi", "--from", "2026-03-03", "--to", "2026-03-02", "--data", _data.Path]);
        var tooLong = await CliRun.InvokeAsync(["report", "kpi", "--from", "2026-01-01", "--to", "2026-06-01", "--data", _data.Path]);

        Assert.Equal((ExitCodes.Failure, ExitCodes.Failure), (backwards.ExitCode, tooLong.ExitCode));
        Assert.Contains("--to: must be after --from and at most 93 days later", tooLong.Error, StringComparison.Ordinal);
    }
}
