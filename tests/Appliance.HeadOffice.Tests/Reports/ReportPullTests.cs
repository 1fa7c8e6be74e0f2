using System.Text.Json;
using Appliance.HeadOffice.Reports;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.HeadOffice.Tests.Reports;

public sealed class ReportPullTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private FakeBranchReportService _branch = null!;

    public async Task InitializeAsync()
    {
        _branch = await FakeBranchReportService.StartAsync();
        for (var i = 0; i < ReportPuller.PageSize + 3; i++)
        {
            _branch.Calls.Add(new CallRecord
            {
                CallId = $"call-{i}", CallerNumber = "138****5678", QueueId = "general", AgentId = i % 2 == 0 ? "a1" : string.Empty,
                StartedAt = Timestamp.FromDateTimeOffset(Day.AddHours(9).AddMinutes(i)),
                AnsweredAt = i % 2 == 0 ? Timestamp.FromDateTimeOffset(Day.AddHours(9).AddMinutes(i).AddSeconds(12)) : null,
                Disposition = i % 2 == 0 ? CallDisposition.Answered : CallDisposition.Abandoned,
            });
        }

        _branch.Calls[1].RecordingId = "rec, \"quoted\"";
    }

    public async Task DisposeAsync() => await _branch.DisposeAsync();

    private Task<CliRun> Pull(string format, string key = FakeBranchReportService.HeadOfficeKey, string from = "2026-01-05", string to = "2026-01-06") =>
        CliRun.RunAsync(new Dictionary<string, string?> { ["HEADOFFICE_REPORT_KEY"] = key },
            "report", "pull", "--branch", "sz-futian", "--address", _branch.Address.ToString(), "--from", from, "--to", to, "--format", format);

    [Fact]
    public async Task Csv_output_has_the_kpi_table_then_every_call_across_pages()
    {
        var run = await Pull("csv");

        Assert.Equal(0, run.ExitCode);
        var tables = run.Output.Split("\r\n\r\n");
        var kpis = tables[0].Split("\r\n");
        Assert.StartsWith("branch_id,interval_start,queue_id,agent_id,offered,answered,abandoned", kpis[0], StringComparison.Ordinal);
        Assert.Equal("sz-futian,2026-01-05T00:00:00Z,general,,40,36,4,30,0.75,0.1,12.5,14,185,20,28800,0.62,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", kpis[1]);
        var calls = tables[1].TrimEnd().Split("\r\n");
        Assert.Equal("branch_id,call_id,caller_number,line_id,queue_id,agent_id,started_at,answered_at,ended_at,disposition,recording_id", calls[0]);
        Assert.Equal(ReportPuller.PageSize + 3, calls.Length - 1);
        Assert.Equal("sz-futian,call-0,138****5678,,general,a1,2026-01-05T09:00:00Z,2026-01-05T09:00:12Z,,answered,", calls[1]);
        Assert.Equal("sz-futian,call-1,138****5678,,general,,2026-01-05T09:01:00Z,,,abandoned,\"rec, \"\"quoted\"\"\"", calls[2]);
        Assert.StartsWith("sz-futian,call-502,", calls[^1], StringComparison.Ordinal);
        Assert.Equal(Timestamp.FromDateTimeOffset(Day.AddDays(1)), _branch.KpiRequests.Single().To);
    }

    [Fact]
    public async Task Json_output_carries_the_same_fields_as_numbers_strings_and_nulls()
    {
        var run = await Pull("json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("sz-futian", root.GetProperty("branch_id").GetString());
        Assert.Equal("2026-01-05T00:00:00Z", root.GetProperty("from").GetString());
        var kpi = root.GetProperty("kpis").EnumerateArray().Single();
        Assert.Equal(40, kpi.GetProperty("offered").GetInt32());
        Assert.Equal(0.75, kpi.GetProperty("service_level").GetDouble());
        Assert.Equal(12.5, kpi.GetProperty("average_speed_of_answer_seconds").GetDouble());
        var calls = root.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(ReportPuller.PageSize + 3, calls.Count);
        Assert.Equal("abandoned", calls[1].GetProperty("disposition").GetString());
        Assert.Equal(JsonValueKind.Null, calls[1].GetProperty("answered_at").ValueKind);
        Assert.Equal("rec, \"quoted\"", calls[1].GetProperty("recording_id").GetString());
    }

    [Fact]
    public async Task A_wrong_head_office_key_fails_with_the_branch_status_and_prints_no_report()
    {
        var run = await Pull("csv", key: "guess");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unauthenticated", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("csv", "2026-01-06", "2026-01-05", "--from must be earlier than --to")]
    [InlineData("xml", "2026-01-05", "2026-01-06", "xml")]
    [InlineData("csv", "yesterday", "2026-01-06", "--from must be an ISO 8601 date")]
    public async Task Bad_arguments_are_refused_before_calling_the_branch(string format, string from, string to, string message)
    {
        var run = await Pull(format, from: from, to: to);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(_branch.KpiRequests);
    }

    [Fact]
    public async Task A_missing_key_is_named()
    {
        var run = await Pull("csv", key: "");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("HEADOFFICE_REPORT_KEY", run.Error, StringComparison.Ordinal);
    }
}
